// express 5: routing, params, JSON body, middleware, errors, served on
// 127.0.0.1 and asked by an http client in the same script.
const express = require('express');
const http = require('http');
const app = express();
app.use(express.json());
app.use((req, res, next) => { res.set('X-Seen', req.method + ' ' + req.path); next(); });
app.get('/users/:id', (req, res) => res.json({ id: Number(req.params.id), q: req.query.q ?? null }));
app.post('/echo', (req, res) => res.status(201).json({ got: req.body }));
app.get('/boom', () => { throw new Error('kaput'); });
app.use((err, req, res, next) => res.status(500).type('text').send('handled: ' + err.message));
function request(port, method, path, body) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, headers: body ? { 'content-type': 'application/json' } : {} }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { data += c; });
      res.on('end', () => resolve(`${res.statusCode} ${res.headers['content-type']} ${res.headers['x-seen']} ${data}`));
    });
    req.on('error', reject);
    req.end(body ? JSON.stringify(body) : undefined);
  });
}
const server = app.listen(0, '127.0.0.1', async () => {
  const { port } = server.address();
  console.log(await request(port, 'GET', '/users/42?q=tea'));
  console.log(await request(port, 'POST', '/echo', { a: [1, 2] }));
  console.log(await request(port, 'GET', '/boom'));
  console.log(await request(port, 'GET', '/nothing'));
  server.close(() => console.log('closed'));
});
