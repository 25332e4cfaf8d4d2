// crypto objects are streams: Hash/Hmac/Cipheriv/Decipheriv are Transforms (write
// in, read out, setEncoding, pipe, pipeline from a file), Sign/Verify Writables;
// a bad final block is an 'error' event.
const crypto = require('crypto');
const stream = require('stream');
const fs = require('fs');
const path = require('path');
const dir = process.env.COMPAT_TMP || '/tmp/s2';
const h = crypto.createHash('sha256');
console.log('instances', h instanceof stream.Transform, crypto.createHmac('sha1', 'k') instanceof stream.Duplex,
  crypto.createSign('sha256') instanceof stream.Writable, crypto.createVerify('sha256') instanceof stream.Writable);
console.log('plain', crypto.createHash('md5').update('abc').digest('hex'));
h.setEncoding('hex');
h.on('data', (d) => console.log('hash data', d));
h.on('end', () => console.log('hash end'));
h.write('hello ');
h.end('world');
const file = path.join(dir, 'in.txt');
fs.writeFileSync(file, 'stream me through a hash\n'.repeat(2000));
const hh = crypto.createHash('sha256');
stream.pipeline(fs.createReadStream(file, { highWaterMark: 1000 }), hh, (err) => {
  console.log('pipeline', err, hh.read().toString('hex'));
  hmacPipe();
});
function hmacPipe() {
  const hm = crypto.createHmac('sha256', 'key');
  const chunks = [];
  const sink = new stream.Writable({ write(c, e, cb) { chunks.push(c); cb(); } });
  sink.on('finish', () => { console.log('hmac pipe', Buffer.concat(chunks).toString('base64')); ciphers(); });
  stream.Readable.from(['a', 'b', Buffer.from('c')]).pipe(hm).pipe(sink);
}
function ciphers() {
  const key = Buffer.alloc(32, 7);
  const iv = Buffer.alloc(16, 3);
  const c = crypto.createCipheriv('aes-256-cbc', key, iv);
  const d = crypto.createDecipheriv('aes-256-cbc', key, iv);
  const out = [];
  d.on('data', (x) => out.push(x));
  d.on('end', () => { console.log('cipher round trip', Buffer.concat(out).toString()); bad(); });
  c.pipe(d);
  c.write('secret ');
  c.end('message that spans more than one block');
  function bad() {
    const d2 = crypto.createDecipheriv('aes-256-cbc', key, iv);
    d2.on('error', (e) => { console.log('bad final', e.message.split(':').pop(), d2.destroyed); signing(); });
    d2.on('data', () => {});
    d2.end(Buffer.alloc(16, 1));
  }
}
function signing() {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const s = crypto.createSign('sha256');
  stream.Readable.from(['signed ', 'text']).pipe(s);
  s.on('finish', () => {
    const sig = s.sign(privateKey);
    const v = crypto.createVerify('sha256');
    v.end('signed text', () => console.log('verify', v.verify(publicKey, sig)));
  });
}
