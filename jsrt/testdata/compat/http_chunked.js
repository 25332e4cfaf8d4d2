// Chunked bodies both ways: a request written in pieces, a response
// written in pieces with a delay, the raw wire bytes of a chunked response
// as a net client sees them, and trailers.
const http = require('http');
const net = require('net');

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (d) => chunks.push(d.length));
  req.on('end', () => {
    console.log('server chunks', req.headers['transfer-encoding'], chunks.reduce((a, b) => a + b, 0));
    if (req.url === '/trailers') {
      res.writeHead(200, { 'Content-Type': 'text/plain', Trailer: 'X-Sum' });
      res.write('abc');
      res.addTrailers({ 'X-Sum': '3' });
      res.end();
      return;
    }
    res.write('first,');
    setTimeout(() => { res.write(Buffer.from('second,')); res.end('third'); }, 20);
  });
});

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  const req = http.request({ port, host: '127.0.0.1', method: 'PUT', path: '/up' }, (res) => {
    console.log('client te', res.headers['transfer-encoding'], res.headers['content-length']);
    const parts = [];
    res.on('data', (d) => parts.push(d.toString()));
    res.on('end', () => {
      console.log('client body', parts.join(''));
      raw(port);
    });
  });
  for (let i = 0; i < 5; i++) req.write('x'.repeat(1000 * (i + 1)));
  req.end();
});

function raw(port) {
  const s = net.connect(port, '127.0.0.1', () => {
    s.write('GET /trailers HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  });
  let data = '';
  s.setEncoding('latin1');
  s.on('data', (d) => { data += d; });
  s.on('end', () => {
    console.log(JSON.stringify(data.replace(/Date: [^\r]*\r\n/, 'Date: D\r\n')));
    server.close(() => console.log('closed'));
  });
}
