// Status codes and errors: 404 and 500 from the server, statusMessage
// overrides, writeHead with an array, STATUS_CODES and METHODS, header
// validation errors, a request to a closed port (ECONNREFUSED).
const http = require('http');

const server = http.createServer((req, res) => {
  if (req.url === '/missing') { res.writeHead(404, { 'Content-Type': 'text/plain' }); res.end('not found'); return; }
  if (req.url === '/boom') { res.statusCode = 500; res.statusMessage = 'Kaboom'; res.end(); return; }
  if (req.url === '/array') { res.writeHead(418, ['X-A', '1', 'X-B', '2']).end('tea'); return; }
  if (req.url === '/nobody') { res.writeHead(204); res.end('ignored'); return; }
  try { res.setHeader('bad name', 'x'); } catch (e) { console.log(e.code, e.name, e.message); }
  try { res.setHeader('X-Ok', undefined); } catch (e) { console.log(e.code, e.name, e.message); }
  try { res.setHeader('X-Ok', 'a\nb'); } catch (e) { console.log(e.code, e.name, e.message); }
  res.end('ok');
  try { res.setHeader('X-Late', '1'); } catch (e) { console.log(e.code, e.message); }
});

function get(path) {
  return new Promise((resolve) => {
    http.get({ port: server.address().port, host: '127.0.0.1', path }, (res) => {
      let body = '';
      res.on('data', (d) => { body += d; });
      res.on('end', () => resolve(`${path} ${res.statusCode} ${res.statusMessage} ${JSON.stringify(body)} ${res.headers['x-a'] || ''}${res.headers['x-b'] || ''} cl=${res.headers['content-length']}`));
    });
  });
}

server.listen(0, '127.0.0.1', async () => {
  for (const p of ['/missing', '/boom', '/array', '/nobody', '/']) console.log(await get(p));
  const port = server.address().port;
  server.close(() => {
    const req = http.get({ port, host: '127.0.0.1', agent: false });
    req.on('error', (e) => console.log('refused', e.code, e.syscall, e.message.replace(String(port), 'PORT')));
  });
});
console.log(http.STATUS_CODES[404], http.STATUS_CODES[418], http.STATUS_CODES[511], Object.keys(http.STATUS_CODES).length);
console.log(http.METHODS.length, http.METHODS.slice(0, 5).join(','), http.METHODS.includes('PATCH'));
try { http.validateHeaderName('a b'); } catch (e) { console.log(e.code, e.message); }
try { http.validateHeaderValue('x', '\u0000'); } catch (e) { console.log(e.code, e.message); }
console.log(http.validateHeaderName('X-Good'), typeof http.globalAgent, http.globalAgent.keepAlive, http.maxHeaderSize);
