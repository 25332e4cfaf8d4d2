// HEAD (no body, headers kept), 304, Expect: 100-continue with the
// client's 'continue' event, a URL object with options, writeHead's
// headers not stored, flushHeaders, and the server's socket properties.
const http = require('http');
const server = http.createServer((req, res) => {
  if (req.url === '/304') { res.writeHead(304, { ETag: '"x"' }); res.end(); return; }
  if (req.url === '/flush') {
    res.setHeader('X-Early', '1');
    res.flushHeaders();
    console.log('flushed', res.headersSent);
    setTimeout(() => res.end('later'), 10);
    return;
  }
  let body = '';
  req.on('data', (d) => { body += d; });
  req.on('end', () => {
    res.writeHead(200, { 'Content-Type': 'text/plain', 'X-Method': req.method });
    console.log('server', req.method, req.url, JSON.stringify(body), res.getHeader('x-method'), req.headers.expect || '-');
    res.end(`body for ${req.method}`);
  });
});

function go(opts, body) {
  return new Promise((resolve) => {
    const url = new URL(`http://127.0.0.1:${server.address().port}${opts.path || '/'}`);
    const req = http.request(url, { method: opts.method || 'GET', headers: opts.headers }, (res) => {
      let data = '';
      res.on('data', (d) => { data += d; });
      res.on('end', () => {
        const h = { ...res.headers };
        delete h.date;
        resolve(`${opts.method || 'GET'} ${url.pathname} -> ${res.statusCode} ${JSON.stringify(h)} ${JSON.stringify(data)}`);
      });
    });
    if (opts.headers && opts.headers.Expect) {
      req.on('continue', () => { console.log('continue'); req.end(body); });
    } else {
      req.end(body);
    }
  });
}

server.listen(0, async () => {
  console.log('address', server.address().family, server.address().address);
  console.log(await go({ method: 'HEAD', path: '/h' }));
  console.log(await go({ path: '/304' }));
  console.log(await go({ method: 'POST', path: '/expect', headers: { Expect: '100-continue' } }, 'after continue'));
  console.log(await go({ path: '/flush' }));
  console.log(await go({ method: 'DELETE', path: '/d' }));
  server.close(() => console.log('closed'));
});
