// The forms of server.listen and connect's defaults: listen(cb) on any
// free port of "::", an IPv4 client seen as ::ffff:127.0.0.1 there,
// listen({ port, host }), EADDRINUSE's text on "::", and connect(port)
// to localhost.
const net = require('net');

const any = net.createServer((sock) => {
  console.log('peer on ::', sock.remoteAddress, sock.remoteFamily, sock.localAddress);
  sock.end('hi');
});
console.log('listening before', any.listening, any.address());
any.listen(() => {
  const a = any.address();
  console.log('any', a.address, a.family, typeof a.port, any.listening);
  const c = net.connect({ port: a.port, host: '127.0.0.1' });
  c.resume();
  c.on('close', () => {
    const dup = net.createServer();
    dup.on('error', (e) => {
      console.log(e.message === `listen EADDRINUSE: address already in use :::${a.port}`, e.address);
      any.close(byOptions);
    });
    dup.listen(a.port);
  });
});

function byOptions() {
  const s = net.createServer((sock) => sock.end());
  s.listen({ port: 0, host: '127.0.0.1' }, () => {
    console.log('options form', s.address().address);
    const c = net.connect(s.address().port);
    c.on('connect', () => console.log('connect(port) reaches localhost:', net.isIP(c.remoteAddress) !== 0));
    c.resume();
    c.on('close', () => s.close(() => console.log('done')));
  });
}
