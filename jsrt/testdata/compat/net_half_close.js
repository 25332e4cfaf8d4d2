// Half-close: with allowHalfOpen the server still writes after the client's
// FIN; without it, the server's socket ends itself when the client ends.
const net = require('net');

function run(allowHalfOpen, next) {
  const log = [];
  const server = net.createServer({ allowHalfOpen }, (sock) => {
    sock.setEncoding('utf8');
    let got = '';
    sock.on('data', (d) => { got += d; });
    sock.on('end', () => {
      log.push(`server end writable=${sock.writable} got=${got}`);
      if (allowHalfOpen) {
        setTimeout(() => sock.end('late reply'), 20);
      } else {
        sock.write('after end', (err) => log.push(`write after end: ${err ? err.code : 'ok'}`));
      }
    });
    sock.on('finish', () => log.push('server finish'));
    sock.on('error', (e) => log.push(`server error ${e.code}`));
    sock.on('close', () => { log.push('server close'); server.close(); });
  });
  let pending = 2;
  const done = () => {
    if (--pending > 0) return;
    console.log(`allowHalfOpen=${allowHalfOpen}:`, log.join(' | '));
    console.log(`  client: ${clientLog.join(' | ')}`);
    next();
  };
  const clientLog = [];
  server.on('close', done);
  server.listen(0, '127.0.0.1', () => {
    const c = net.connect({ port: server.address().port, host: '127.0.0.1', allowHalfOpen: true });
    c.setEncoding('utf8');
    let reply = '';
    c.on('data', (d) => { reply += d; });
    c.on('end', () => { clientLog.push(`end, reply=${JSON.stringify(reply)}`); c.end(); });
    c.on('close', (hadError) => { clientLog.push(`close ${hadError}`); done(); });
    c.end('request');
  });
}

run(true, () => run(false, () => console.log('done')));
