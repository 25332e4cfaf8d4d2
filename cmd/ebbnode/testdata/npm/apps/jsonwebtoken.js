// jsonwebtoken: HS256 and RS256 tokens signed and verified, a wrong secret
// and an expired token refused.
const jwt = require('jsonwebtoken');
const crypto = require('crypto');
const token = jwt.sign({ sub: 'ada', admin: true }, 'secret', { algorithm: 'HS256', noTimestamp: true });
console.log(token);
console.log(JSON.stringify(jwt.verify(token, 'secret')));
try { jwt.verify(token, 'wrong'); } catch (e) { console.log(e.name, e.message); }
const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const rs = jwt.sign({ a: 1 }, privateKey, { algorithm: 'RS256', noTimestamp: true });
console.log(rs.split('.').length, JSON.stringify(jwt.verify(rs, publicKey)), JSON.stringify(jwt.decode(rs, { complete: true }).header));
const exp = jwt.sign({ a: 1, exp: 1000 }, 's');
try { jwt.verify(exp, 's'); } catch (e) { console.log(e.name, e.message, e.expiredAt.toISOString()); }
