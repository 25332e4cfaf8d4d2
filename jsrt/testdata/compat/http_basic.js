// An http server and client in one script over 127.0.0.1 (port 0): GET and
// POST, request fields on the server, status/headers/body on the client,
// content-length vs chunked framing, 'finish'/'close' and server close.
const http = require('http');
const log = [];

const server = http.createServer((req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (d) => { body += d; });
  req.on('end', () => {
    log.push(`server ${req.method} ${req.url} ${req.httpVersion} body=${JSON.stringify(body)} complete=${req.complete}`);
    log.push(`server headers ${JSON.stringify(req.headers).replace(/:\d+"/, ':PORT"')}`);
    res.on('finish', () => log.push(`finish ${req.url} headersSent=${res.headersSent} ended=${res.writableEnded}`));
    res.statusCode = 201;
    res.setHeader('Content-Type', 'text/plain');
    if (req.method === 'POST') { res.write('got '); res.end(body.toUpperCase()); } else res.end('hello');
  });
});
server.on('close', () => log.push('server close event'));

function show(tag, res, body) {
  const h = { ...res.headers };
  console.log(tag, typeof h.date, h.date === new Date(h.date).toUTCString());
  delete h.date;
  console.log(tag, res.statusCode, res.statusMessage, res.httpVersion, JSON.stringify(h), JSON.stringify(body));
}

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  http.get(`http://127.0.0.1:${port}/a?x=1`, (res) => {
    let body = '';
    res.on('data', (d) => { body += d; });
    res.on('end', () => {
      show('GET', res, body);
      const req = http.request({ port, host: '127.0.0.1', method: 'POST', path: '/b', headers: { 'X-Test': 'yes' } }, (res2) => {
        res2.setEncoding('utf8');
        let b2 = '';
        res2.on('data', (d) => { b2 += d; });
        res2.on('end', () => {
          show('POST', res2, b2);
          server.close(() => log.push('server closed'));
        });
      });
      console.log('request', req.method, req.path, req.getHeader('x-test'), req.getHeader('host') === `127.0.0.1:${port}`);
      req.write('some ');
      req.end('data');
    });
  });
});
process.on('exit', () => console.log(log.join('\n')));
