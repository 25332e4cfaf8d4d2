// slice/subarray share memory; copy, fill, indexOf/includes/lastIndexOf,
// iteration and Uint8Array relationship.
const b = Buffer.from('0123456789');
const s = b.slice(2, 5);
const sub = b.subarray(-3);
console.log(s.toString(), sub.toString(), b.slice(-4, -1).toString());
s[0] = 0x41;
console.log('shared', b.toString());
const c = Buffer.alloc(6, '.');
const n = b.copy(c, 1, 0, 4);
console.log('copy', n, c.toString());
console.log('fill', Buffer.alloc(8).fill('xy', 1, 6).toString('hex'));
console.log('indexOf', b.indexOf('5'), b.indexOf('56'), b.indexOf(0x39), b.indexOf('zz'), b.indexOf('3', 4));
console.log('lastIndexOf', Buffer.from('abcabc').lastIndexOf('b'));
console.log('includes', b.includes('789'), b.includes(Buffer.from('A3')));
console.log('instanceof', b instanceof Uint8Array, Buffer.isBuffer(b), Buffer.isBuffer(new Uint8Array(2)));
console.log('spread', [...Buffer.from('hi')].join(','));
console.log('entries', JSON.stringify([...Buffer.from('ab').entries()]));
console.log('reverse', Buffer.from('abc').reverse().toString());
console.log('swap16', Buffer.from([1, 2, 3, 4]).swap16().toString('hex'));
const ab = new ArrayBuffer(8);
const view = Buffer.from(ab, 2, 4);
view[0] = 9;
console.log('arraybuffer view', new Uint8Array(ab)[2], view.length, view.byteOffset);
console.log('toString after write', Buffer.from('hello').write('J') , Buffer.from('xyz').toString('utf8', 1));
const w = Buffer.alloc(5);
console.log('write', w.write('abcdef', 1), w.toString('hex'));
