// ECONNRESET: a server that answers a client's first bytes with
// resetAndDestroy() makes the client's read fail as node names it. Then
// setTimeout on an idle socket: 'timeout' fires, the socket stays open
// until destroyed, and a cleared timeout never fires.
const net = require('net');
const serverLog = [];

const rst = net.createServer((sock) => {
  sock.on('close', (hadError) => serverLog.push(`reset side closed ${hadError}`));
  sock.once('data', () => sock.resetAndDestroy());
});
rst.listen(0, '127.0.0.1', () => {
  const c = net.connect(rst.address().port, '127.0.0.1', () => c.write('hi'));
  c.on('error', (e) => console.log('client error:', e.message, e.code, e.errno, e.syscall));
  c.on('close', (hadError) => {
    console.log('client close', hadError);
    rst.close(idle);
  });
});

function idle() {
  let open = 2;
  const server = net.createServer((sock) => {
    sock.on('close', () => { if (--open === 0) server.close(() => serverLog.push('idle server closed')); });
  });
  server.listen(0, '127.0.0.1', () => {
    const c = net.connect(server.address().port, '127.0.0.1');
    const cleared = net.connect(server.address().port, '127.0.0.1');
    cleared.setTimeout(30, () => console.log('cleared timeout fired'));
    cleared.setTimeout(0);
    c.setTimeout(30);
    console.log('timeout property', c.timeout, cleared.timeout);
    c.on('timeout', () => {
      console.log('timeout, destroyed?', c.destroyed);
      c.destroy();
      cleared.destroy();
    });
    c.on('close', () => console.log('idle client closed'));
  });
}
process.on('exit', () => console.log('server:', serverLog.join(' | ')));
