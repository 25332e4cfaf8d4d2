const crypto = require('crypto');
for (const alg of ['md5', 'sha1', 'sha256', 'sha512', 'sha384', 'sha224', 'SHA256', 'RSA-SHA1', 'sha3-256'])
  console.log(alg, crypto.createHash(alg).update('hello').update(' world').digest('hex'));
console.log(crypto.createHash('sha256').update('aGk=', 'base64').digest('base64'), crypto.createHash('md5').update(Buffer.from('x')).digest('base64url'), crypto.createHash('sha1').update('é', 'latin1').digest('latin1').length);
console.log(crypto.createHash('md5').update('a').digest());
console.log(crypto.createHmac('sha256', 'key').update('data').digest('hex'), crypto.createHmac('md5', Buffer.from('k')).update('d').digest('base64'), crypto.createHmac('sha512', '').digest('hex').slice(0, 16));
const h = crypto.createHash('sha256').update('a'); const c = h.copy(); console.log(h.digest('hex') === c.update('').digest('hex'));
console.log(crypto.randomBytes(8).length, crypto.randomUUID().length, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(crypto.randomUUID()));
const r = crypto.randomInt(10); console.log(r >= 0 && r < 10, crypto.randomInt(5, 6), crypto.timingSafeEqual(Buffer.from('ab'), Buffer.from('ab')), crypto.timingSafeEqual(Buffer.from('ab'), Buffer.from('ac')));
console.log(crypto.hash('sha1', 'abc'), crypto.createHash('sha256').update('').digest('hex'));
for (const f of [() => crypto.createHash('foo'), () => crypto.createHmac('foo', 'k'), () => { const h = crypto.createHash('md5'); h.digest(); h.digest(); }, () => { const h = crypto.createHash('md5'); h.digest(); h.update('x'); }, () => crypto.createHash('sha1').update(5), () => crypto.timingSafeEqual(Buffer.from('a'), Buffer.from('ab')), () => crypto.randomBytes(-1), () => crypto.randomInt(5, 2)]) {
  try { f(); console.log('no error'); } catch (e) { console.log(String(e), e.code, e.name); }
}
crypto.randomBytes(4, (err, buf) => console.log('async', err, buf.length));
console.log('sync first');
