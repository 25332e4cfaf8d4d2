// server.close() with connections open: no new connections, 'close' waits
// until the last socket is gone; getConnections counts them; destroy on a
// socket gives the peer 'end' then 'close'.
const net = require('net');

const sockets = [];
const server = net.createServer((sock) => {
  sockets.push(sock);
  sock.on('error', () => {});
  if (sockets.length === 2) allConnected();
});
let closed = false;
const closes = [];
process.on('exit', () => console.log('client closes', closes.sort().join(',')));
server.on('close', () => { closed = true; console.log('server close event'); });

server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const clients = [net.connect(port, '127.0.0.1'), net.connect(port, '127.0.0.1')];
  clients.forEach((c, i) => {
    c.on('end', () => console.log(`client ${i} end`));
    c.on('close', () => closes.push(i));
  });
  globalThis.clients = clients;
});

function allConnected() {
  server.getConnections((err, n) => {
    console.log('connections', err, n);
    server.close((err) => console.log('close callback', err));
    console.log('listening after close()', server.listening, server.address());
    setTimeout(() => {
      console.log('closed while a socket is open?', closed);
      sockets[0].destroy();
      setTimeout(() => {
        console.log('closed with one left?', closed);
        sockets[1].end();
      }, 100);
    }, 50);
  });
}
