const crypto = require('crypto');
console.log(crypto.pbkdf2Sync('pw', Buffer.from('salt'), 1, 16, 'sha512').toString('base64'), crypto.pbkdf2Sync('', '', 2, 0, 'md5').length);
console.log(Buffer.from(crypto.hkdfSync('sha256', 'key', 'salt', 'info', 42)).toString('hex'), crypto.hkdfSync('sha256', 'k', '', '', 4) instanceof ArrayBuffer);
crypto.hkdf('sha1', 'k', 's', 'i', 8, (err, ab) => console.log('hkdf cb', err, Buffer.from(ab).toString('hex')));
for (const f of [() => crypto.pbkdf2Sync('p', 's', 0, 10, 'sha1'), () => crypto.pbkdf2Sync('p', 's', 1, 10, 'nope'), () => crypto.pbkdf2Sync('p', 's', 1, 10), () => crypto.pbkdf2Sync('p', 's', 1.5, 10, 'sha1'), () => crypto.pbkdf2Sync(1, 's', 1, 10, 'sha1'), () => crypto.pbkdf2('p', 's', 1, 10, 'sha1')])
  try { f(); console.log('no error') } catch (e) { console.log(e.name, e.code, e.message) }
