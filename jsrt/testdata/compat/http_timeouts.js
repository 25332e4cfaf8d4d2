// Server timeouts: keepAliveTimeout closes an idle kept-alive connection
// (the client's agent drops its free socket), a head that never completes
// gets 408 after headersTimeout, and the Keep-Alive header follows the
// setting.
const http = require('http');
const net = require('net');
const server = http.createServer({ keepAliveTimeout: 100, headersTimeout: 150, requestTimeout: 300, connectionsCheckingInterval: 50 },
  (req, res) => res.end('ok'));
let closes = 0;
server.on('connection', (s) => s.on('close', () => { closes++; }));

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  const agent = new http.Agent({ keepAlive: true });
  http.get({ port, host: '127.0.0.1', agent }, (res) => {
    console.log('keep-alive header', res.headers['keep-alive'], res.headers.connection);
    res.resume();
    res.on('end', () => setTimeout(() => {
      console.log('after idle: server closes', closes, 'free sockets', Object.keys(agent.freeSockets).length);
      const s = net.connect(port, '127.0.0.1', () => s.write('GET / HTTP/1.1\r\nHost: x\r\n'));
      let got = '';
      s.setEncoding('latin1');
      s.on('data', (d) => { got += d; });
      s.on('close', () => {
        console.log('stalled head:', JSON.stringify(got));
        server.close(() => console.log('closed', closes));
      });
    }, 600));
  });
});
