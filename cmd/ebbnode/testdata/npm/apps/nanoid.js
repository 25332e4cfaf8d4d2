// nanoid 5 (ESM-only) through require(esm): lengths, alphabets, uniqueness.
const { nanoid, customAlphabet, urlAlphabet } = require('nanoid');
const ids = new Set();
for (let i = 0; i < 1000; i++) ids.add(nanoid());
console.log('unique', ids.size, 'len', nanoid().length, nanoid(10).length);
console.log('alphabet ok', [...ids].every((id) => [...id].every((ch) => urlAlphabet.includes(ch))));
const hex = customAlphabet('0123456789abcdef', 12);
console.log('hex', /^[0-9a-f]{12}$/.test(hex()));
