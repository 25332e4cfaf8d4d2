// axios: GET with params, JSON POST, a redirect followed, an error status,
// an instance with interceptors, against a server in the same script.
const axios = require('axios');
const http = require('http');
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => { body += c; });
  req.on('end', () => {
    if (req.url === '/redirect') { res.writeHead(302, { location: '/json' }); return res.end(); }
    if (req.url === '/fail') { res.writeHead(503); return res.end('down'); }
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ method: req.method, url: req.url, body: body || null, ua: req.headers['user-agent'].split('/')[0] }));
  });
});
server.listen(0, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  const a = await axios.get(base + '/json', { params: { q: 'x y' } });
  console.log(a.status, JSON.stringify(a.data));
  const b = await axios.post(base + '/post', { hello: 'world' });
  console.log(b.status, JSON.stringify(b.data));
  const c = await axios.get(base + '/redirect');
  console.log(c.status, c.data.url);
  try { await axios.get(base + '/fail'); } catch (e) { console.log(e.name, e.message, e.response.status, e.response.data); }
  const inst = axios.create({ baseURL: base, headers: { 'x-a': '1' } });
  inst.interceptors.response.use((r) => { r.data.intercepted = true; return r; });
  console.log(JSON.stringify((await inst.put('/put', 'raw text')).data));
  server.close();
});
