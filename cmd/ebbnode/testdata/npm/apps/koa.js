// koa 3: middleware onion, ctx, errors, served on 127.0.0.1 and asked by
// fetch-free http.get in the same script.
const Koa = require('koa');
const http = require('http');
const app = new Koa();
const order = [];
app.use(async (ctx, next) => {
  order.push('a>'); await next(); order.push('<a');
  ctx.set('X-Order', order.splice(0).join(''));
});
app.use(async (ctx, next) => {
  try { await next(); } catch (err) { ctx.status = err.status || 500; ctx.body = { error: err.message }; }
});
app.use(async (ctx) => {
  order.push('b');
  if (ctx.path === '/fail') ctx.throw(418, 'teapot');
  if (ctx.path === '/json') { ctx.body = { method: ctx.method, query: ctx.query }; return; }
  ctx.body = 'hello ' + ctx.path;
});
const get = (port, path) => new Promise((resolve, reject) => {
  http.get({ host: '127.0.0.1', port, path }, (res) => {
    let d = ''; res.setEncoding('utf8');
    res.on('data', (c) => { d += c; });
    res.on('end', () => resolve(`${res.statusCode} ${res.headers['content-type']} ${res.headers['x-order']} ${d}`));
  }).on('error', reject);
});
const server = app.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  for (const p of ['/', '/json?x=1&y=2', '/fail']) console.log(await get(port, p));
  server.close(() => console.log('closed'));
});
