// tls: a server with key and cert from PEM files echoing upper-cased
// lines; clients that trust it through `ca`, that skip the check with
// rejectUnauthorized: false, and one refused for the self-signed
// certificate by default.
const tls = require('tls');
const fs = require('fs');
const path = require('path');
const dir = path.join(__dirname, 'fixtures', 'tls');
const key = fs.readFileSync(path.join(dir, 'key.pem'));
const cert = fs.readFileSync(path.join(dir, 'cert.pem'));

// The server's events are printed at the end: its handshake completes
// alongside the client's, in no fixed order with the client's events.
const seen = [];
const server = tls.createServer({ key, cert }, (socket) => {
  seen.push(`secure connection, encrypted ${socket.encrypted}`);
  socket.setEncoding('utf8');
  socket.on('data', (d) => socket.write(d.toUpperCase()));
  socket.on('end', () => socket.end());
});

function talk(options, msg) {
  return new Promise((resolve) => {
    const socket = tls.connect({ host: '127.0.0.1', port: server.address().port, ...options }, () => {
      console.log('client: secureConnect, authorized', socket.authorized, 'encrypted', socket.encrypted);
      socket.end(msg);
    });
    let got = '';
    socket.setEncoding('utf8');
    socket.on('data', (d) => { got += d; });
    socket.on('end', () => resolve(`echo ${JSON.stringify(got)}`));
    socket.on('error', (e) => resolve(`error ${e.code} ${e.message}`));
  });
}

server.listen(0, '127.0.0.1', async () => {
  console.log('listening', server.address().family, server instanceof require('net').Server);
  console.log(await talk({ ca: cert }, 'hello over tls'));
  console.log(await talk({ rejectUnauthorized: false }, 'unchecked'));
  console.log(await talk({}, 'refused'));
  console.log(typeof tls.TLSSocket, tls.DEFAULT_MIN_VERSION, tls.DEFAULT_MAX_VERSION);
  server.close(() => console.log('closed; server saw', JSON.stringify(seen)));
});
