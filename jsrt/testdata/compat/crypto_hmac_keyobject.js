// createHmac takes a secret KeyObject (jsonwebtoken passes one) and refuses
// an asymmetric one with node's code.
const c = require('crypto');
console.log(c.createHmac('sha256', c.createSecretKey(Buffer.from('secret'))).update('x').digest('hex'));
try { c.createHmac('sha256', c.generateKeyPairSync('ed25519').privateKey); } catch (e) { console.log(e.name, e.code, e.message); }
