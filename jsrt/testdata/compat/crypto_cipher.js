// crypto ciphers: known-answer vectors (fixed key, IV and plaintext,
// printed as hex), update/final with encodings, padding, GCM and
// ChaCha20-Poly1305 tags and AAD, and node's errors.
const crypto = require('crypto');
const key = (n) => Buffer.from(Array.from({ length: n }, (_, i) => i));
const iv16 = Buffer.alloc(16, 0xa5);
const iv12 = Buffer.alloc(12, 0x3c);
const text = 'attack at dawn, attack at dusk: ünïcödé too';
for (const [name, k, iv] of [['aes-128-cbc', 16, iv16], ['aes-192-cbc', 24, iv16], ['aes-256-cbc', 32, iv16],
  ['aes-128-ctr', 16, iv16], ['aes-256-ctr', 32, iv16], ['aes-128-ecb', 16, null], ['aes-256-ecb', 32, null],
  ['chacha20', 32, iv16], ['aes128', 16, iv16]]) {
  const c = crypto.createCipheriv(name, key(k), iv);
  const hex = c.update(text, 'utf8', 'hex') + c.final('hex');
  const d = crypto.createDecipheriv(name, key(k), iv);
  console.log(name, hex, d.update(hex, 'hex', 'utf8') + d.final('utf8') === text);
}
for (const [name, k, iv] of [['aes-128-gcm', 16, iv12], ['aes-256-gcm', 32, iv12], ['aes-192-gcm', 24, Buffer.alloc(16, 7)],
  ['chacha20-poly1305', 32, iv12]]) {
  const c = crypto.createCipheriv(name, key(k), iv, { authTagLength: 16 });
  c.setAAD(Buffer.from('header'));
  const ct = Buffer.concat([c.update(text), c.final()]);
  const tag = c.getAuthTag();
  console.log(name, ct.toString('hex'), tag.toString('hex'));
  const d = crypto.createDecipheriv(name, key(k), iv, { authTagLength: 16 });
  d.setAAD(Buffer.from('header')).setAuthTag(tag);
  console.log(' opens', Buffer.concat([d.update(ct), d.final()]).toString() === text);
  const bad = crypto.createDecipheriv(name, key(k), iv, { authTagLength: 16 });
  bad.setAuthTag(tag);
  bad.update(ct);
  try { bad.final(); } catch (e) { console.log(' wrong aad:', e.message, e.code); }
}
const short = crypto.createCipheriv('aes-128-gcm', key(16), iv12, { authTagLength: 8 });
short.update('x');
short.final();
console.log('short tag', short.getAuthTag().toString('hex'));
const streamed = crypto.createCipheriv('aes-128-gcm', key(16), iv12);
console.log('gcm streams', streamed.update('abc').toString('hex'), streamed.update('def', 'utf8', 'base64'), streamed.final().length);
const np = crypto.createCipheriv('aes-128-cbc', key(16), iv16).setAutoPadding(false);
console.log('no padding', np.update(Buffer.alloc(32, 1)).toString('hex'), np.final().length);
const parts = crypto.createCipheriv('aes-128-cbc', key(16), iv16);
console.log('parts', parts.update('0123456789').length, parts.update('0123456789').length, parts.final().length);
const split = crypto.createDecipheriv('aes-128-ctr', key(16), iv16);
const enc = crypto.createCipheriv('aes-128-ctr', key(16), iv16).update('€uro');
console.log('split utf8', JSON.stringify(split.update(enc.subarray(0, 2), null, 'utf8')), JSON.stringify(split.update(enc.subarray(2), null, 'utf8')), JSON.stringify(split.final('utf8')));
function show(label, fn) {
  try { console.log(label, fn()); } catch (e) { console.log(label, e.name, e.message, e.code, Object.keys(e).join(',')); }
}
show('bad key', () => crypto.createCipheriv('aes-128-cbc', Buffer.alloc(5), iv16));
show('bad iv', () => crypto.createCipheriv('aes-128-cbc', key(16), Buffer.alloc(5)));
show('unknown', () => crypto.createCipheriv('foo', key(16), iv16));
show('bad decrypt', () => { const d = crypto.createDecipheriv('aes-128-cbc', key(16), iv16); d.update(Buffer.alloc(16)); return d.final(); });
show('final length', () => { const c = crypto.createCipheriv('aes-128-cbc', key(16), iv16); c.setAutoPadding(false); c.update(Buffer.alloc(5)); return c.final(); });
show('no tag', () => { const d = crypto.createDecipheriv('aes-128-gcm', key(16), iv12); d.update(Buffer.alloc(5)); return d.final(); });
show('final twice', () => { const c = crypto.createCipheriv('aes-128-cbc', key(16), iv16); c.final(); return c.final(); });
show('tag early', () => crypto.createCipheriv('aes-128-gcm', key(16), iv12).getAuthTag());
show('tag length', () => crypto.createDecipheriv('aes-128-gcm', key(16), iv12).setAuthTag(Buffer.alloc(3)));
show('key type', () => crypto.createCipheriv('aes-128-cbc', 5, iv16));
show('secret key', () => crypto.createCipheriv('aes-128-cbc', crypto.createSecretKey(key(16)), iv16).final('hex'));
const names = crypto.getCiphers();
console.log('getCiphers', ['aes-128-cbc', 'aes-256-gcm', 'chacha20-poly1305', 'aes-192-ctr'].every((n) => names.includes(n)));
for (const n of ['aes-128-cbc', 'aes-256-ecb', 'aes-192-ctr', 'aes-256-gcm', 'chacha20', 'chacha20-poly1305', 'aes128', 'AES-128-CBC', 'id-aes128-gcm', 'foo', 419, 895]) {
  console.log('getCipherInfo', n, JSON.stringify(crypto.getCipherInfo(n)));
}
console.log('getCipherInfo options', JSON.stringify(crypto.getCipherInfo('aes-128-gcm', { ivLength: 16 })),
  crypto.getCipherInfo('aes-128-cbc', { ivLength: 12 }), crypto.getCipherInfo('aes-128-cbc', { keyLength: 32 }));
show('getCipherInfo 5.5', () => crypto.getCipherInfo(5.5));
show('getCipherInfo object', () => crypto.getCipherInfo({}));
