// Listens, connects to itself, then exits with both still open: Run must
// close them (the test then binds the same port).
const net = require('net');
const server = net.createServer(() => {});
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const c = net.connect(port, '127.0.0.1', () => {
    console.log(port);
    process.exit(0);
  });
  c.on('error', () => {});
});
