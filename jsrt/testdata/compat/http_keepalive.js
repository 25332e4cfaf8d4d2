// Keep-alive: two sequential requests through an Agent with keepAlive
// reuse one socket (one 'connection' on the server, reusedSocket on the
// second request); agent: false closes after each; pipelined requests on
// one raw socket are answered in order.
const http = require('http');
const net = require('net');
let connections = 0;
const server = http.createServer((req, res) => {
  const delay = req.url === '/slow' ? 30 : 0;
  setTimeout(() => res.end(`${req.url} on ${connections}`), delay);
});
server.on('connection', () => { connections++; });

function get(port, path, agent) {
  return new Promise((resolve, reject) => {
    const req = http.get({ port, host: '127.0.0.1', path, agent }, (res) => {
      let body = '';
      res.on('data', (d) => { body += d; });
      res.on('end', () => resolve(`${body} reused=${req.reusedSocket} conn=${res.headers.connection}`));
    });
    req.on('error', reject);
  });
}

server.listen(0, '127.0.0.1', async () => {
  const { port } = server.address();
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  console.log(await get(port, '/1', agent));
  console.log(await get(port, '/2', agent));
  console.log('connections after keep-alive', connections, Object.keys(agent.freeSockets).length);
  agent.destroy();
  console.log(await get(port, '/3', false));
  console.log(await get(port, '/4', false));
  console.log('connections after agent:false', connections);
  const s = net.connect(port, '127.0.0.1', () => {
    s.write('GET /slow HTTP/1.1\r\nHost: a\r\n\r\nGET /fast HTTP/1.1\r\nHost: a\r\n\r\n');
  });
  let data = '';
  s.on('data', (d) => {
    data += d;
    if (/fast on/.test(data)) s.end();
  });
  s.on('close', () => {
    console.log('pipelined', JSON.stringify(data.match(/\/(slow|fast) on \d/g)));
    server.close(() => console.log('closed, connections', connections));
  });
});
