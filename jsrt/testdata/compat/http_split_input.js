// The parser fed a few bytes at a time: two pipelined requests (a chunked
// one with a chunk extension and a trailer, then a content-length one)
// dribbled over a raw socket in 3-byte writes, and the answers in order.
const http = require('http');
const net = require('net');
const server = http.createServer((req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (d) => { body += d; });
  req.on('end', () => {
    console.log(req.method, req.url, JSON.stringify(req.headers), JSON.stringify(body));
    res.end(`${req.url}:${body.length}`);
  });
});

const wire = 'POST /one HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nX-Long-Header-Name: ' + 'v'.repeat(40) + '\r\n\r\n' +
  '5;ext=1\r\nhello\r\n1A\r\nabcdefghijklmnopqrstuvwxyz\r\n0\r\nX-Trailer: t\r\n\r\n' +
  '\r\nPUT /two HTTP/1.1\r\nHost: h\r\nContent-Length: 11\r\nConnection: close\r\n\r\nhello world';

server.listen(0, '127.0.0.1', () => {
  const s = net.connect(server.address().port, '127.0.0.1');
  s.setNoDelay(true);
  let i = 0;
  (function next() {
    if (i >= wire.length) return;
    s.write(wire.slice(i, i + 3));
    i += 3;
    setTimeout(next, 1);
  })();
  let got = '';
  s.setEncoding('latin1');
  s.on('data', (d) => { got += d; });
  s.on('end', () => {
    console.log(JSON.stringify(got.replace(/Date: [^\r]*\r\n/g, '')));
    server.close(() => console.log('closed'));
  });
});
