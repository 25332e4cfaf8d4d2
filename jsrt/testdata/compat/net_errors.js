// Socket errors as node names them: ECONNREFUSED to a closed port,
// EADDRINUSE for a second listen on a port in use, a bad port, and the
// order of 'error' and 'close' on a socket whose connect fails.
const net = require('net');

const probe = net.createServer();
probe.listen(0, '127.0.0.1', () => {
  const port = probe.address().port;
  probe.close(() => {
    const c = net.connect(port, '127.0.0.1');
    const events = [];
    c.on('error', (e) => {
      events.push('error');
      console.log('refused:', e.message === `connect ECONNREFUSED 127.0.0.1:${port}`, e.code, e.errno, e.syscall, e.address, e.port === port);
    });
    c.on('close', (hadError) => {
      events.push(`close ${hadError}`);
      console.log('events:', events.join(', '), 'destroyed', c.destroyed);
      inUse();
    });
  });
});

function inUse() {
  const a = net.createServer();
  a.listen(0, '127.0.0.1', () => {
    const port = a.address().port;
    const b = net.createServer();
    b.on('error', (e) => {
      console.log('in use:', e.message === `listen EADDRINUSE: address already in use 127.0.0.1:${port}`,
        e.code, e.errno, e.syscall, e.address, e.port === port, b.listening);
      a.close(() => console.log('closed a'));
    });
    b.listen(port, '127.0.0.1', () => console.log('unexpected listening'));
  });
  try {
    net.createServer().listen(70000);
  } catch (e) {
    console.log('bad port:', e.code, e.message);
  }
  console.log('listening at once with a host:', a.listening, a.address());
}
