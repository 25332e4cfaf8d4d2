// crypto digests (md5/sha1/sha256/sha512) in hex/base64, incremental update,
// buffers and encodings as input, HMAC, getHashes.
const crypto = require('crypto');
for (const alg of ['md5', 'sha1', 'sha256', 'sha512']) {
  console.log(alg, crypto.createHash(alg).update('hello world').digest('hex'));
}
console.log('empty sha256', crypto.createHash('sha256').digest('hex'));
console.log('base64', crypto.createHash('sha1').update('abc').digest('base64'));
console.log('base64url', crypto.createHash('sha256').update('abc').digest('base64url'));
console.log('incremental', crypto.createHash('sha256').update('hello ').update('world').digest('hex'));
console.log('buffer input', crypto.createHash('md5').update(Buffer.from([0, 1, 2, 255])).digest('hex'));
console.log('hex input', crypto.createHash('md5').update('00ff', 'hex').digest('hex'));
console.log('utf8 input', crypto.createHash('sha1').update('héllo €').digest('hex'));
const d = crypto.createHash('sha256').update('x').digest();
console.log('digest buffer', Buffer.isBuffer(d), d.length);
console.log('hmac sha256', crypto.createHmac('sha256', 'key').update('The quick brown fox jumps over the lazy dog').digest('hex'));
console.log('hmac md5', crypto.createHmac('md5', 'key').update('The quick brown fox jumps over the lazy dog').digest('hex'));
console.log('hmac sha512 b64', crypto.createHmac('sha512', Buffer.from('secret')).update('msg').digest('base64'));
console.log('hmac long key', crypto.createHmac('sha1', 'k'.repeat(200)).update('m').digest('hex'));
console.log('getHashes has sha256', crypto.getHashes().includes('sha256'));
try {
  crypto.createHash('nope-alg');
} catch (e) {
  console.log('bad alg throws', e instanceof Error);
}
const h = crypto.createHash('sha1');
h.digest();
try {
  h.digest();
} catch (e) {
  console.log('double digest', e.code);
}
