// string_decoder: multi-byte characters split across chunks are held back
// until complete; end() flushes; other encodings.
const { StringDecoder } = require('string_decoder');
const d = new StringDecoder('utf8');
const euro = Buffer.from('€');
console.log(JSON.stringify(d.write(euro.subarray(0, 1))), JSON.stringify(d.write(euro.subarray(1, 2))), JSON.stringify(d.write(euro.subarray(2))));
const emoji = Buffer.from('a😀b');
const parts = [];
for (let i = 0; i < emoji.length; i++) parts.push(d.write(emoji.subarray(i, i + 1)));
console.log(JSON.stringify(parts));
console.log(JSON.stringify(d.write(Buffer.from([0xe2, 0x82]))), JSON.stringify(d.end()));
const h = new StringDecoder('hex');
console.log(h.write(Buffer.from([1, 255])), h.end(Buffer.from([16])));
const b = new StringDecoder('base64');
console.log(b.write(Buffer.from('ab')), b.write(Buffer.from('c')), b.end());
const l = new StringDecoder('latin1');
console.log(l.write(Buffer.from([0xe9, 0x41])), new StringDecoder().encoding, new StringDecoder('UTF-16LE').encoding);
const u16 = new StringDecoder('utf16le');
console.log(JSON.stringify(u16.write(Buffer.from([0x61]))), JSON.stringify(u16.write(Buffer.from([0x00, 0x62, 0x00]))));
