const { Blob, File } = require('buffer');
const b = new Blob(['héllo ', Buffer.from('wörld'), new Uint8Array([33])], { type: 'Text/Plain' });
console.log(b, b.size, b.type, Object.prototype.toString.call(b), b instanceof Blob);
b.text().then((t) => console.log('text', t))
  .then(() => b.slice(1, 4).arrayBuffer()).then((ab) => console.log('slice', ab.byteLength, Buffer.from(ab).toString()))
  .then(() => b.slice(-3).text()).then((t) => console.log('neg slice', t));
const f = new File(['abc'], 'a.txt', { type: 'text/plain', lastModified: 5 });
console.log(f.name, f.size, f.type, f.lastModified, f instanceof Blob, f);
const d = Buffer.alloc(8); d.writeDoubleBE(NaN); console.log(d, Buffer.alloc(4).fill(0).writeFloatLE(NaN) && 1, (() => { const x = Buffer.alloc(4); x.writeFloatBE(NaN); return x; })());
console.log(Buffer.copyBytesFrom(new Uint16Array([1, 2, 3]), 1, 1), Buffer.copyBytesFrom(new Float32Array([1.5])), Buffer.copyBytesFrom(new Uint8Array(0)));
