// ws: a WebSocket server and client in one script (HTTP upgrade, text and
// binary frames, the closing handshake).
const { WebSocketServer, WebSocket } = require('ws');
const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 }, () => {
  const ws = new WebSocket(`ws://127.0.0.1:${wss.address().port}/path?x=1`);
  const got = [];
  ws.on('open', () => { ws.send('hello'); ws.send(Buffer.from([1, 2, 3])); ws.send(JSON.stringify({ n: 42 })); });
  ws.on('message', (data, isBinary) => {
    got.push(isBinary ? `bin:${[...data].join(',')}` : `text:${data}`);
    if (got.length === 3) ws.close(1000, 'bye');
  });
  ws.on('close', (code, reason) => {
    console.log(got.join(' | '));
    console.log('client closed', code, String(reason));
    wss.close(() => console.log('server closed'));
  });
});
wss.on('connection', (sock, req) => {
  console.log('connection', req.url);
  sock.on('message', (data, isBinary) => sock.send(isBinary ? data : 'echo ' + data, { binary: isBinary }));
  sock.on('close', (code) => console.log('server saw close', code));
});
