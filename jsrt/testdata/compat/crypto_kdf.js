// More crypto: sha224/sha384, hash.copy, pbkdf2 (sync and async),
// timingSafeEqual, createHash output as latin1, hash of a large input.
const crypto = require('crypto');
console.log('sha224', crypto.createHash('sha224').update('abc').digest('hex'));
console.log('sha384', crypto.createHash('sha384').update('abc').digest('hex'));
const h = crypto.createHash('sha256').update('part1');
const c = h.copy();
console.log('copy', h.update('A').digest('hex').slice(0, 16), c.update('B').digest('hex').slice(0, 16));
console.log('pbkdf2Sync', crypto.pbkdf2Sync('password', 'salt', 1000, 32, 'sha256').toString('hex'));
crypto.pbkdf2('password', 'salt', 1, 20, 'sha1', (err, key) => console.log('pbkdf2 async', err, key.toString('hex')));
console.log('timingSafeEqual', crypto.timingSafeEqual(Buffer.from('abc'), Buffer.from('abc')), crypto.timingSafeEqual(Buffer.from('abc'), Buffer.from('abd')));
try { crypto.timingSafeEqual(Buffer.from('a'), Buffer.from('ab')); } catch (e) { console.log('length mismatch', e.code); }
console.log('large input', crypto.createHash('md5').update(Buffer.alloc(1 << 20, 'a')).digest('hex'));
console.log('latin1 digest length', crypto.createHash('sha1').update('x').digest('latin1').length);
console.log('hash()', typeof crypto.hash === 'function' ? crypto.hash('sha1', 'abc') : 'n/a');
