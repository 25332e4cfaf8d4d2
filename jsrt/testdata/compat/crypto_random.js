// crypto randomness: only lengths, types and formats are compared.
const crypto = require('crypto');
const b = crypto.randomBytes(16);
console.log('randomBytes', Buffer.isBuffer(b), b.length);
console.log('randomBytes 0', crypto.randomBytes(0).length);
crypto.randomBytes(8, (err, buf) => console.log('async randomBytes', err, buf.length));
const uuid = crypto.randomUUID();
console.log('uuid v4 format', /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(uuid), uuid.length);
console.log('uuids differ', crypto.randomUUID() !== crypto.randomUUID());
const n = crypto.randomInt(10);
console.log('randomInt range', Number.isInteger(n) && n >= 0 && n < 10);
const m = crypto.randomInt(5, 7);
console.log('randomInt min max', m === 5 || m === 6);
const arr = new Uint32Array(4);
console.log('getRandomValues', crypto.getRandomValues(arr) === arr, arr.length);
const filled = crypto.randomFillSync(Buffer.alloc(10));
console.log('randomFillSync', filled.length);
console.log('webcrypto', typeof globalThis.crypto, typeof globalThis.crypto.getRandomValues);
console.log('hex of 4 bytes', /^[0-9a-f]{8}$/.test(crypto.randomBytes(4).toString('hex')));
