// UDP over 127.0.0.1: a server socket echoes datagrams back to the sender's
// rinfo; the client sends before binding (node binds it implicitly), with
// offset/length and an array of chunks; address(), close and their errors.
const dgram = require('dgram');

const server = dgram.createSocket('udp4');
const got = [];
server.on('message', (msg, rinfo) => {
  got.push(`${msg} from ${rinfo.address} ${rinfo.family} size=${rinfo.size}`);
  server.send(Buffer.from(`echo:${msg}`), rinfo.port, rinfo.address);
});
server.on('listening', () => {
  const a = server.address();
  console.log('server listening', a.address, a.family, typeof a.port);
  client(a.port);
});
server.bind(0, '127.0.0.1');

function client(port) {
  const c = dgram.createSocket({ type: 'udp4' });
  const replies = [];
  c.on('message', (msg) => {
    replies.push(String(msg));
    if (replies.length === 3) {
      console.log('server got', got.sort().join(' | '));
      console.log('client got', replies.sort().join(' | '));
      c.close(() => {
        console.log('client closed');
        try { c.address(); } catch (e) { console.log('address after close:', e.code, e.message); }
        server.close();
      });
    }
  });
  try { c.address(); } catch (e) { console.log('address before bind:', e.code); }
  c.send('one', port, '127.0.0.1', (err, n) => console.log('sent one', err, n));
  c.send(Buffer.from('xxtwoxx'), 2, 3, port, '127.0.0.1');
  c.send(['thr', Buffer.from('ee')], port, '127.0.0.1');
}
server.on('close', () => console.log('server closed'));
try { dgram.createSocket('udp5'); } catch (e) { console.log(e.code, e.message); }
