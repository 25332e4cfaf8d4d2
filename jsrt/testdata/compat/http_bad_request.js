// Malformed HTTP to a server: node answers "400 Bad Request" and closes;
// with a 'clientError' listener the script sees the parse error's code and
// answers itself. A missing Host on HTTP/1.1 gets a 400 too; a header
// block over 16 KiB gets 431.
const http = require('http');
const net = require('net');
let requests = 0;
const server = http.createServer((req, res) => { requests++; res.end('ok'); });

function send(raw) {
  return new Promise((resolve) => {
    const s = net.connect(server.address().port, '127.0.0.1', () => s.write(raw));
    let data = '';
    s.setEncoding('latin1');
    s.on('data', (d) => { data += d; });
    s.on('error', (e) => { data += `<${e.code}>`; });
    s.on('close', () => resolve(data.replace(/Date: [^\r]*\r\n/, '')));
  });
}

const bad = [
  'FOO / HTTP/1.1\r\nHost: x\r\n\r\n',
  'GET / HTTX/1.1\r\nHost: x\r\n\r\n',
  'GET / HTTP/9.1\r\nHost: x\r\n\r\n',
  'GET / HTTP/1.1\r\nBad Header: x\r\n\r\n',
  'GET / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n',
  'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n',
  'POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n',
  'GET / HTTP/1.1\r\n folded: x\r\n\r\n',
];

server.listen(0, '127.0.0.1', async () => {
  for (const raw of bad) console.log(JSON.stringify(raw.split('\r\n')[0]), JSON.stringify(await send(raw)));
  console.log('no host', JSON.stringify(await send('GET / HTTP/1.1\r\n\r\n')));
  console.log('too large', JSON.stringify(await send(`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20000)}\r\n\r\n`)));
  server.on('clientError', (err, socket) => {
    console.log('clientError', err.code, err.message, Buffer.isBuffer(err.rawPacket));
    socket.end('HTTP/1.1 400 Custom\r\nConnection: close\r\n\r\n');
  });
  console.log('custom', JSON.stringify(await send('BREW / HTTP/1.1\r\n\r\n')));
  console.log('custom', JSON.stringify(await send('GET / HTTP/1.1\r\nX: a\u0001b\r\n\r\n')));
  console.log('good after bad', JSON.stringify(await send('GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')), requests);
  server.close();
});
