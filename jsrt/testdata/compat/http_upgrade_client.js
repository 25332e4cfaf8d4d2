// An http client request that gets 101 Switching Protocols emits
// 'upgrade' with the response, the socket and the bytes after the head;
// both ends then speak the new protocol on the socket (ws does this).
const http = require('http');
const server = http.createServer((req, res) => res.end('plain'));
server.on('upgrade', (req, socket) => {
  console.log('server upgrade', req.headers.upgrade, req.url);
  socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo\r\nConnection: Upgrade\r\n\r\nfirst-bytes');
  socket.on('data', (d) => socket.end('echo:' + d));
});
server.listen(0, '127.0.0.1', () => {
  const req = http.request({ host: '127.0.0.1', port: server.address().port, path: '/up',
    headers: { Connection: 'Upgrade', Upgrade: 'echo' } });
  req.on('response', () => console.log('unexpected response'));
  req.on('upgrade', (res, socket, head) => {
    console.log('client upgrade', res.statusCode, res.headers.upgrade, JSON.stringify(head.toString()));
    let got = '';
    socket.on('data', (d) => { got += d; });
    socket.on('end', () => {
      console.log('client got', got);
      socket.end();
      server.close(() => console.log('closed'));
    });
    socket.write('ping');
  });
  req.on('close', () => console.log('request close'));
  req.end();
});
