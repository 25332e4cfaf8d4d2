// Large bodies: a 1 MiB upload piped to the server and echoed back through
// res (backpressure both ways, 'drain'), byte counts and a checksum.
const http = require('http');
const crypto = require('crypto');
const size = 1024 * 1024;
const payload = Buffer.alloc(size);
for (let i = 0; i < size; i++) payload[i] = (i * 31 + 7) & 0xff;
const digest = (b) => crypto.createHash('sha256').update(b).digest('hex').slice(0, 16);

const server = http.createServer((req, res) => {
  let n = 0;
  req.on('data', (d) => { n += d.length; });
  req.on('end', () => console.log('server received', n, req.headers['content-length']));
  res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
  req.pipe(res);
});

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  const req = http.request({ port, host: '127.0.0.1', method: 'POST', headers: { 'Content-Length': size } }, (res) => {
    const parts = [];
    res.on('data', (d) => parts.push(d));
    res.on('end', () => {
      const body = Buffer.concat(parts);
      console.log('client received', body.length, res.headers['transfer-encoding'], digest(body) === digest(payload));
      server.close(() => console.log('closed'));
    });
  });
  let off = 0;
  let drains = 0;
  req.on('drain', () => { drains++; writeMore(); });
  function writeMore() {
    while (off < size) {
      const chunk = payload.subarray(off, off + 64 * 1024);
      off += chunk.length;
      if (!req.write(chunk)) return;
    }
    req.end(() => console.log('request finished, drained', drains > 0));
  }
  writeMore();
});
