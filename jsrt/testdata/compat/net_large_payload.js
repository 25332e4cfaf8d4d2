// 1 MiB through a TCP connection with backpressure: the client writes until
// write() returns false and waits for 'drain'; the server pauses its socket
// for a while and then resumes. Bytes and a checksum must arrive intact.
// Whether write() ever returns false depends on the kernel's socket buffers,
// so the script prints only that every false was answered by a 'drain'.
const net = require('net');
const crypto = require('crypto');

const total = 1024 * 1024;
const chunk = Buffer.alloc(16 * 1024);
for (let i = 0; i < chunk.length; i++) chunk[i] = i % 251;
const want = crypto.createHash('sha256');
for (let i = 0; i < total / chunk.length; i++) want.update(chunk);
const wantHex = want.digest('hex');

const server = net.createServer((sock) => {
  const hash = crypto.createHash('sha256');
  let received = 0;
  let paused = false;
  sock.on('data', (d) => {
    received += d.length;
    hash.update(d);
    if (!paused && received > total / 4) {
      paused = true;
      sock.pause();
      setTimeout(() => sock.resume(), 50);
    }
  });
  sock.on('end', () => {
    console.log('server received', received, hash.digest('hex') === wantHex);
    sock.end(`got ${received}`);
  });
  sock.on('close', () => server.close());
});

server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  let sent = 0;
  let sawFalse = false;
  let drains = 0;
  function pump() {
    while (sent < total) {
      sent += chunk.length;
      if (!c.write(chunk)) { sawFalse = true; return; }
    }
    c.end();
  }
  c.on('drain', () => { drains++; pump(); });
  c.on('connect', pump);
  let reply = '';
  c.on('data', (d) => { reply += d; });
  c.on('end', () => console.log('client reply', reply, 'every false write drained', sawFalse === (drains > 0)));
  c.on('close', () => console.log('client closed', c.bytesWritten));
});
