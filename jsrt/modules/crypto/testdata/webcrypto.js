console.log(typeof crypto, Object.getPrototypeOf(crypto).constructor.name, crypto, typeof crypto.createHash, crypto === require('crypto').webcrypto, Object.keys(Object.getOwnPropertyDescriptor(globalThis, 'crypto')), Object.getOwnPropertyDescriptor(globalThis, 'crypto').enumerable, crypto.subtle === require('crypto').subtle);
crypto.subtle.digest('SHA-256', new TextEncoder().encode('abc')).then(ab => console.log(ab.constructor.name, Buffer.from(ab).toString('hex')));
crypto.subtle.digest({ name: 'sha-1' }, Buffer.from('abc')).then(ab => console.log(Buffer.from(ab).toString('hex')));
crypto.subtle.digest('md5', new Uint8Array(1)).catch(e => console.log(e.name, e.message, e.code));
console.log(crypto.getRandomValues(new Uint8Array(4)).length, typeof crypto.randomUUID(), require('crypto').getRandomValues === crypto.getRandomValues);
try { crypto.getRandomValues(new Float32Array(1)) } catch (e) { console.log(e.name, e.message, e.code) }
