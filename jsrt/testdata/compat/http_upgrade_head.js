// The server's 'upgrade' (and 'connect') gets the bytes that came after
// the request head in the same packet: a client that speaks the new
// protocol at once loses nothing.
const http = require('http');
const net = require('net');
const server = http.createServer((req, res) => res.end('plain'));
server.on('upgrade', (req, socket, head) => {
  console.log('upgrade', req.url, JSON.stringify(head.toString()));
  socket.end('HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: raw\r\n\r\nbye');
});
server.on('connect', (req, socket, head) => {
  console.log('connect', req.url, JSON.stringify(head.toString()));
  socket.end('HTTP/1.1 200 Connection Established\r\n\r\n');
});
function send(text) {
  return new Promise((resolve) => {
    const c = net.connect(server.address().port, '127.0.0.1', () => c.write(text));
    let got = '';
    c.on('data', (d) => { got += d; });
    c.on('end', () => { resolve(got.split('\r\n')[0]); c.end(); });
  });
}
server.listen(0, '127.0.0.1', async () => {
  console.log(await send('GET /up HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: raw\r\n\r\nearly-bytes'));
  console.log(await send('CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\ntunnel-data'));
  server.close(() => console.log('closed'));
});
