// https: a server with key and cert read from PEM files, clients that
// trust it through `ca`, skip checks with rejectUnauthorized: false, and
// refuse the self-signed certificate by default; keep-alive reuse over TLS.
const https = require('https');
const fs = require('fs');
const path = require('path');
const dir = path.join(__dirname, 'fixtures', 'tls');
const key = fs.readFileSync(path.join(dir, 'key.pem'));
const cert = fs.readFileSync(path.join(dir, 'cert.pem'));
let connections = 0;

const server = https.createServer({ key, cert }, (req, res) => {
  let body = '';
  req.on('data', (d) => { body += d; });
  req.on('end', () => {
    res.setHeader('Content-Type', 'text/plain');
    res.end(`${req.method} ${req.url} ${body} encrypted=${req.socket.encrypted}`);
  });
});
server.on('connection', () => { connections++; });

function get(options, body) {
  return new Promise((resolve) => {
    const req = https.request({ host: '127.0.0.1', port: server.address().port, ...options }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { data += d; });
      res.on('end', () => resolve(`${res.statusCode} ${data} reused=${req.reusedSocket}`));
    });
    req.on('error', (e) => resolve(`error ${e.code} ${e.message}`));
    req.end(body);
  });
}

server.listen(0, '127.0.0.1', async () => {
  console.log('listening', server.address().family, server instanceof require('http').Server);
  const agent = new https.Agent({ keepAlive: true, ca: cert });
  console.log(await get({ path: '/a', agent }));
  console.log(await get({ path: '/b', method: 'POST', agent }, 'payload'));
  console.log('connections', connections);
  agent.destroy();
  console.log(await get({ path: '/c', rejectUnauthorized: false, agent: false }));
  console.log(await get({ path: '/d', agent: false }));
  console.log(await get({ path: '/e', agent: false, ca: cert, servername: 'localhost' }));
  await fetch(`https://127.0.0.1:${server.address().port}/f`).catch((e) => console.log('fetch', e.message, e.cause.code));
  console.log('protocol', https.globalAgent.protocol, https.globalAgent.defaultPort);
  try { https.request('http://127.0.0.1/'); } catch (e) { console.log(e.code, e.message); }
  server.close(() => console.log('closed'));
});
