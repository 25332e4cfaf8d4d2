// A TCP echo server and a client in one script over 127.0.0.1 (port 0):
// addresses, setEncoding, setNoDelay/setKeepAlive chaining, byte counts,
// end/close order on each side (printed per side, never interleaved).
const net = require('net');
const serverLog = [];
const clientLog = [];

const server = net.createServer((sock) => {
  serverLog.push(`connection ${sock.remoteAddress} ${sock.remoteFamily} ${sock.localPort === server.address().port}`);
  serverLog.push(`chain ${sock.setNoDelay(true) === sock} ${sock.setKeepAlive(true, 1000) === sock}`);
  sock.setEncoding('utf8');
  let got = '';
  sock.on('data', (d) => { got += d; sock.write(d.toUpperCase()); });
  sock.on('end', () => { serverLog.push(`end, got ${got}`); sock.end(); });
  sock.on('close', (hadError) => {
    serverLog.push(`close ${hadError} read=${sock.bytesRead} written=${sock.bytesWritten}`);
    server.close(() => serverLog.push('server closed'));
  });
});

server.listen(0, '127.0.0.1', () => {
  const addr = server.address();
  console.log('listening', addr.family, addr.address, typeof addr.port, server.listening);
  const c = net.createConnection({ port: addr.port, host: '127.0.0.1' }, () => {
    clientLog.push(`connect ${c.remotePort === addr.port} ${c.readyState} pending=${c.pending}`);
    c.write('hello ');
    c.write('world', () => clientLog.push('write cb'));
  });
  clientLog.push(`connecting ${c.connecting} ${c.readyState}`);
  let got = '';
  c.on('data', (d) => {
    got += d;
    if (got.length === 11) { clientLog.push(`echo ${got}`); c.end(); }
  });
  c.on('end', () => clientLog.push('end'));
  c.on('close', (hadError) => clientLog.push(`close ${hadError} ${c.bytesRead} ${c.bytesWritten} ${c.destroyed}`));
});
process.on('exit', () => {
  console.log('server:', serverLog.join(' | '));
  console.log('client:', clientLog.join(' | '));
});
console.log('isIP', net.isIP('127.0.0.1'), net.isIP('::1'), net.isIP('fe80::1%eth0'), net.isIP('1.2.3'), net.isIP('::ffff:1.2.3.4'));
console.log('isIPv4', net.isIPv4('255.255.255.255'), net.isIPv4('256.1.1.1'), 'isIPv6', net.isIPv6('1:2:3:4:5:6:7:8'), net.isIPv6('1::2::3'));
