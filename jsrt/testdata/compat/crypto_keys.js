// crypto keys: PEM import and re-export of node-made keys, details, JWK,
// deterministic signatures (RSA PKCS#1 v1.5, Ed25519) compared with node's
// output, node-made ECDSA/PSS signatures verified, RSA-OAEP decryption.
const crypto = require('crypto');
const k = require('./fixtures/crypto_keys.json');
const msg = Buffer.from('message');
const rsa = crypto.createPrivateKey(k.rsa);
const rsaPub = crypto.createPublicKey(k.rsapub);
console.log('rsa', rsa.type, rsa.asymmetricKeyType, rsa.asymmetricKeyDetails, rsaPub.type);
console.log('pkcs8 round trip', rsa.export({ type: 'pkcs8', format: 'pem' }) === k.rsa);
console.log('pkcs1 round trip', rsa.export({ type: 'pkcs1', format: 'pem' }) === k.rsa1);
console.log('pkcs1 import', crypto.createPrivateKey(k.rsa1).equals(rsa));
console.log('spki round trip', rsaPub.export({ type: 'spki', format: 'pem' }) === k.rsapub);
console.log('public of private', crypto.createPublicKey(k.rsa).export({ type: 'spki', format: 'pem' }) === k.rsapub);
const der = rsaPub.export({ type: 'spki', format: 'der' });
console.log('der', der.length, crypto.createPublicKey({ key: der, format: 'der', type: 'spki' }).equals(rsaPub));
console.log('rsa jwk', JSON.stringify(rsaPub.export({ format: 'jwk' })));
console.log('rsa sha256', crypto.sign('sha256', msg, rsa).toString('base64'));
console.log('rsa sign object', crypto.createSign('RSA-SHA256').update('mes').update('sage').sign(k.rsa, 'hex').slice(0, 32));
console.log('rsa verify', crypto.verify('sha256', msg, rsaPub, crypto.sign('sha256', msg, rsa)), crypto.verify('sha256', Buffer.from('other'), rsaPub, crypto.sign('sha256', msg, rsa)));
console.log('pss verify', crypto.verify('sha256', msg, { key: rsaPub, padding: crypto.constants.RSA_PKCS1_PSS_PADDING }, Buffer.from(k.psssig, 'base64')));
console.log('oaep', crypto.privateDecrypt(rsa, Buffer.from(k.oaep, 'base64')).toString());
console.log('oaep round trip', crypto.privateDecrypt(k.rsa, crypto.publicEncrypt(k.rsapub, Buffer.from('hi'))).toString());

const ec = crypto.createPrivateKey(k.ec);
const ecPub = crypto.createPublicKey(k.ecpub);
console.log('ec', ec.asymmetricKeyType, ec.asymmetricKeyDetails, crypto.createPrivateKey(k.ec8).equals(ec));
console.log('sec1 round trip', ec.export({ type: 'sec1', format: 'pem' }) === k.ec);
console.log('ec pkcs8 round trip', ec.export({ type: 'pkcs8', format: 'pem' }) === k.ec8);
console.log('ec jwk', JSON.stringify(ecPub.export({ format: 'jwk' })) === JSON.stringify(crypto.createPublicKey(k.ec).export({ format: 'jwk' })), Object.keys(ec.export({ format: 'jwk' })).join());
console.log('ecdsa node sig', crypto.verify('sha256', msg, ecPub, Buffer.from(k.ecsig, 'base64')), crypto.verify('sha256', msg, { key: ecPub, dsaEncoding: 'ieee-p1363' }, Buffer.from(k.ecsigp, 'base64')));
console.log('ecdsa own sig', crypto.verify('sha256', msg, k.ecpub, crypto.sign('sha256', msg, k.ec)));
console.log('p1363 length', crypto.sign('sha384', msg, { key: ec, dsaEncoding: 'ieee-p1363' }).length);
const verifier = crypto.createVerify('sha256');
verifier.update(msg);
console.log('Verify object', verifier.verify(k.ecpub, k.ecsig, 'base64'));

const ed = crypto.createPrivateKey(k.ed);
console.log('ed25519', ed.asymmetricKeyType, ed.asymmetricKeyDetails, ed.export({ type: 'pkcs8', format: 'pem' }) === k.ed);
console.log('ed25519 sig', crypto.sign(null, msg, ed).toString('hex'));
console.log('ed25519 verify', crypto.verify(undefined, msg, k.edpub, crypto.sign(null, msg, ed)));
console.log('ed25519 jwk', JSON.stringify(crypto.createPublicKey(k.edpub).export({ format: 'jwk' })));
const secret = crypto.createSecretKey(Buffer.from('abc'));
console.log('secret', secret.type, secret.symmetricKeySize, secret.export().toString(), JSON.stringify(secret.export({ format: 'jwk' })));
console.log('KeyObject', rsa instanceof crypto.KeyObject, Object.prototype.toString.call(rsa));
function show(label, fn) {
  try { console.log(label, fn()); } catch (e) { console.log(label, e.name, e.message, e.code); }
}
show('bad pem', () => crypto.createPublicKey('not a key'));
show('sign with public', () => crypto.sign('sha256', msg, rsaPub));
show('bad digest', () => crypto.sign('sha999', msg, ec));
show('ed with digest', () => crypto.sign('sha256', msg, ed));
show('createSign foo', () => crypto.createSign('foo'));
show('verify garbage', () => crypto.verify('sha256', msg, ecPub, Buffer.from('nope')));
show('private from public', () => crypto.createPrivateKey(k.rsapub));
