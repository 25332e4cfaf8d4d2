// tls: an echo server from tls.createServer with key and cert from PEM
// files, a client that trusts it through `ca`, one that skips checks, one
// refused for the self-signed certificate; tls.connect's argument forms.
const tls = require('tls');
const fs = require('fs');
const path = require('path');
const dir = path.join(__dirname, 'fixtures', 'tls');
const key = fs.readFileSync(path.join(dir, 'key.pem'));
const cert = fs.readFileSync(path.join(dir, 'cert.pem'));

const server = tls.createServer({ key, cert }, (socket) => {
  socket.setEncoding('utf8');
  socket.on('data', (d) => socket.end(`echo ${d} encrypted=${socket.encrypted}`));
});

function talk(connectArgs, msg) {
  return new Promise((resolve) => {
    let out = '';
    const socket = tls.connect(...connectArgs, () => {
      out += `secure authorized=${socket.authorized} `;
      socket.write(msg);
    });
    socket.setEncoding('utf8');
    socket.on('data', (d) => { out += d; });
    socket.on('end', () => resolve(out));
    socket.on('error', (e) => resolve(`error ${e.code}`));
  });
}

server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  console.log(server instanceof require('net').Server, typeof tls.connect, tls.DEFAULT_MIN_VERSION, tls.DEFAULT_MAX_VERSION);
  console.log(await talk([{ host: '127.0.0.1', port, ca: cert, servername: 'localhost' }], 'hello'));
  console.log(await talk([port, '127.0.0.1', { rejectUnauthorized: false }], 'no checks'));
  console.log(await talk([port, { host: '127.0.0.1' }], 'refused'));
  server.close(() => console.log('closed'));
});
