// fetch on an http server in the same script: a JSON round trip, the
// headers undici sends, Headers iteration and set-cookie, text and
// arrayBuffer bodies, bodyUsed, a redirect followed, 404 (ok false),
// URLSearchParams bodies, a refused connection and an aborted request.
const http = require('http');
const server = http.createServer((req, res) => {
  if (req.url === '/old') { res.writeHead(301, { Location: '/new' }); res.end(); return; }
  if (req.url === '/missing') { res.writeHead(404, { 'X-Why': 'gone' }); res.end('nope'); return; }
  let body = '';
  req.on('data', (d) => { body += d; });
  req.on('end', () => {
    const names = req.rawHeaders.filter((h, i) => i % 2 === 0);
    console.log('server', req.method, req.url, JSON.stringify(names), req.headers['content-type'], JSON.stringify(body));
    res.setHeader('Content-Type', 'application/json');
    res.setHeader('Set-Cookie', ['a=1', 'b=2']);
    res.end(JSON.stringify({ method: req.method, echo: /json/.test(req.headers['content-type']) ? JSON.parse(body) : body }));
  });
});

server.listen(0, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  const r = await fetch(`${base}/api?x=1`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Req': 'yes' }, body: JSON.stringify({ n: 42, s: 'hé' }),
  });
  console.log(r.status, r.statusText, r.ok, r.type, r.redirected, r.url === `${base}/api?x=1`, r.bodyUsed);
  console.log([...r.headers].filter(([k]) => k !== 'date'), r.headers.get('SET-COOKIE'), r.headers.getSetCookie());
  console.log(await r.json(), r.bodyUsed);
  await r.text().catch((e) => console.log('reuse', e.name, e.message));
  const r2 = await fetch(`${base}/old`);
  console.log('redirect', r2.status, r2.redirected, r2.url === `${base}/new`, await r2.text());
  const r3 = await fetch(`${base}/missing`);
  console.log('missing', r3.status, r3.ok, r3.headers.get('x-why'), Buffer.from(await r3.arrayBuffer()).toString());
  const r4 = await fetch(new Request(`${base}/form`, { method: 'PUT', body: new URLSearchParams({ a: '1 2', b: 'x&y' }) }));
  console.log('form', (await r4.json()).method);
  const h = new Headers({ B: '2', a: '1' });
  h.append('a', '3');
  console.log('headers', [...h.keys()], h.get('A'), h.has('b'), String(h));
  const res = new Response('hi', { status: 201, headers: { 'X-Y': 'z' } });
  console.log('response', res.status, res.ok, res.headers.get('content-type'), await res.text());
  console.log('json', (await Response.json({ k: 1 }).json()).k, Response.json({}).headers.get('content-type'));
  const closed = http.createServer();
  closed.listen(0, '127.0.0.1', () => {
    const port = closed.address().port;
    closed.close(async () => {
      await fetch(`http://127.0.0.1:${port}/`).catch((e) => console.log('refused', e.name, e.message, e.cause.code));
      const ac = new AbortController();
      const p = fetch(`${base}/slow`, { signal: ac.signal });
      ac.abort();
      await p.catch((e) => console.log('aborted', e.name, e.message));
      server.close(() => console.log('closed'));
    });
  });
});
