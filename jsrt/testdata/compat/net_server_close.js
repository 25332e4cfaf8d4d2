// server.close() with connections open: no new connections, 'close' waits
// until the last socket is gone; getConnections counts them; destroy on a
// socket gives the peer 'end' then 'close'.
const net = require('net');

const sockets = [];
const server = net.createServer((sock) => {
  sockets.push(sock);
  sock.on('error', () => {});
  ready();
});
let closed = false;
let pendingReady = 4; // two accepts, two client connects
const ready = () => { if (--pendingReady === 0) allConnected(); };
let clients = [];
// The server's socket for client i: connections may be accepted in either order.
const peerOf = (i) => sockets.find((s) => s.remotePort === clients[i].localPort);
const closes = [];
process.on('exit', () => console.log('client closes', closes.sort().join(',')));
server.on('close', () => { closed = true; console.log('server close event'); });

server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  clients = [net.connect(port, '127.0.0.1'), net.connect(port, '127.0.0.1')];
  clients.forEach((c, i) => {
    c.on('connect', ready);
    c.on('end', () => console.log(`client ${i} end`));
    c.on('close', () => closes.push(i));
  });
  // Each step waits for the last one's effect, not for a timer.
  clients[0].on('close', () => {
    console.log('closed with one left?', closed);
    peerOf(1).end();
  });
});

function allConnected() {
  server.getConnections((err, n) => {
    console.log('connections', err, n);
    server.close((err) => console.log('close callback', err));
    console.log('listening after close()', server.listening, server.address());
    setTimeout(() => {
      console.log('closed while a socket is open?', closed);
      peerOf(0).destroy();
    }, 50);
  });
}
