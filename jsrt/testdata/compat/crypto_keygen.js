// crypto key generation (rsa, ec P-256/P-384, ed25519) -> sign -> verify,
// encodings on generation, generateKeyPair's callback and promisify forms,
// scrypt known answers and its parameter errors.
const crypto = require('crypto');
const util = require('util');
const msg = Buffer.from('generated');
function roundTrip(label, type, options, alg) {
  const { publicKey, privateKey } = crypto.generateKeyPairSync(type, options);
  const sig = crypto.sign(alg, msg, privateKey);
  console.log(label, privateKey.type, publicKey.type, publicKey.asymmetricKeyType,
    JSON.stringify(publicKey.asymmetricKeyDetails, (k, v) => (typeof v === 'bigint' ? `${v}n` : v)),
    crypto.verify(alg, msg, publicKey, sig), crypto.verify(alg, Buffer.from('x'), publicKey, sig));
}
roundTrip('rsa', 'rsa', { modulusLength: 1024 }, 'sha256');
roundTrip('ec p256', 'ec', { namedCurve: 'P-256' }, 'sha256');
roundTrip('ec p384', 'ec', { namedCurve: 'secp384r1' }, 'sha384');
roundTrip('ed25519', 'ed25519', undefined, null);
const pems = crypto.generateKeyPairSync('ec', {
  namedCurve: 'prime256v1',
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});
console.log('pem pair', typeof pems.publicKey, pems.publicKey.split('\n')[0], pems.privateKey.split('\n')[0]);
console.log('pem pair signs', crypto.verify('sha256', msg, pems.publicKey, crypto.sign('sha256', msg, pems.privateKey)));
const ders = crypto.generateKeyPairSync('rsa', { modulusLength: 1024, publicKeyEncoding: { type: 'pkcs1', format: 'der' }, privateKeyEncoding: { type: 'pkcs1', format: 'pem' } });
console.log('der pair', Buffer.isBuffer(ders.publicKey), ders.privateKey.split('\n')[0]);
crypto.generateKeyPair('ed25519', (err, publicKey, privateKey) => {
  console.log('callback', err, publicKey.type, privateKey.type);
  util.promisify(crypto.generateKeyPair)('ec', { namedCurve: 'P-256' }).then(({ publicKey: p, privateKey: q }) => {
    console.log('promisified', p.asymmetricKeyType, q.type);
    crypto.scrypt('password', 'salt', 16, (e, key) => console.log('scrypt callback', e, key.toString('hex')));
  });
});
console.log('scryptSync', crypto.scryptSync('password', 'salt', 32).toString('hex'));
console.log('scrypt params', crypto.scryptSync('pw', 'NaCl', 16, { N: 1024, r: 8, p: 16 }).toString('hex'));
console.log('scrypt aliases', crypto.scryptSync('pw', 'NaCl', 16, { cost: 1024, blockSize: 8, parallelization: 16 }).toString('hex'));
console.log('scrypt empty', crypto.scryptSync('', '', 0).length);
function show(label, fn) {
  try { console.log(label, fn()); } catch (e) { console.log(label, e.name, e.message, e.code); }
}
show('N not power of two', () => crypto.scryptSync('a', 'b', 16, { N: 3 }));
show('memory', () => crypto.scryptSync('a', 'b', 16, { N: 1 << 20 }));
show('both names', () => crypto.scryptSync('a', 'b', 16, { N: 16, cost: 16 }));
show('keylen', () => crypto.scryptSync('a', 'b', -1));
show('no options', () => crypto.generateKeyPairSync('rsa'));
show('no modulus', () => crypto.generateKeyPairSync('rsa', {}));
show('no curve', () => crypto.generateKeyPairSync('ec', {}));
show('bad curve', () => crypto.generateKeyPairSync('ec', { namedCurve: 'foo' }));
show('bad type', () => crypto.generateKeyPairSync('foo', {}));
show('type number', () => crypto.generateKeyPairSync(5, {}));
console.log('curves', ['prime256v1', 'secp384r1', 'secp521r1'].every((c) => crypto.getCurves().includes(c)));
