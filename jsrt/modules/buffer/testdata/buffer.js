const { Buffer: B2 } = require('buffer');
console.log(B2 === Buffer, require('node:buffer').Buffer === Buffer);
const b = Buffer.from('hi');
console.log(b, b.toString(), b.toString('hex'), b.toString('base64'), JSON.stringify(b), b.length);
console.log(Buffer.from('68656c6c6f', 'hex').toString(), Buffer.from('aGVsbG8=', 'base64').toString(), Buffer.from('aGVsbG8', 'base64url').toString('utf8'));
console.log(Buffer.from('héllo wörld €😀'), Buffer.from('héllo', 'latin1'), Buffer.from('héllo', 'utf16le'), Buffer.from('héllo', 'ascii').toString('ascii'));
console.log(Buffer.from([0xff, 0xfe, 0x80]).toString(), Buffer.from([0xe2, 0x82]).toString().length, Buffer.from('€').toString('latin1'));
console.log(Buffer.alloc(5), Buffer.alloc(5, 'ab'), Buffer.alloc(4, 1), Buffer.allocUnsafe(3).length, Buffer.concat([Buffer.from('a'), Buffer.from('bc')]));
console.log(Buffer.byteLength('héllo'), Buffer.byteLength('aGVsbG8=', 'base64'), Buffer.isBuffer(b), Buffer.isBuffer(new Uint8Array(2)), Buffer.compare(Buffer.from('a'), Buffer.from('b')));
const c = Buffer.from('hello world');
console.log(c.slice(0, 5), c.subarray(6), c.slice(-5).toString(), c.indexOf('o'), c.lastIndexOf('o'), c.includes('wor'), c.indexOf(Buffer.from('ld')), c.indexOf(111, 5));
const w = Buffer.alloc(16);
w.writeUInt8(255, 0); w.writeUInt16LE(0x1234, 1); w.writeUInt16BE(0x1234, 3); w.writeUInt32LE(0xdeadbeef, 5); w.writeInt32BE(-2, 9); w.writeInt8(-1, 13);
console.log(w, w.readUInt8(0), w.readUInt16LE(1).toString(16), w.readUInt16BE(3), w.readUInt32LE(5).toString(16), w.readInt32BE(9), w.readInt8(13), w.readUInt32BE(5));
const d = Buffer.alloc(8); d.writeDoubleLE(3.14); console.log(d, d.readDoubleLE(0), d.writeFloatBE(1.5, 0), d.readFloatBE(0));
console.log(Buffer.from('abc').equals(Buffer.from('abc')), b.toJSON(), [...Buffer.from('ab')], Buffer.from('abc').compare(Buffer.from('abd')));
const t = Buffer.alloc(6); console.log(Buffer.from('xyz').copy(t, 2), t, t.write('hé', 1), t, t.fill('q'), t.fill(0));
console.log(Buffer.alloc(60), Buffer.from('x'.repeat(3)), { buf: Buffer.from('nested') }, [Buffer.from('a')]);
const u = Buffer.from('abc'); u.extra = 1; console.log(u);
try { Buffer.alloc(2).readUInt32LE(0) } catch (e) { console.log(e.name, e.code, e.message); }
try { Buffer.alloc(4).readUInt8(4) } catch (e) { console.log(e.name, e.code, e.message); }
try { Buffer.alloc(4).writeUInt8(300) } catch (e) { console.log(e.name, e.code, e.message); }
try { Buffer.from({}) } catch (e) { console.log(e.name, e.code, e.message); }
try { Buffer.from('x', 'bogus') } catch (e) { console.log(e.name, e.code, e.message); }
console.log(atob('aGk='), btoa('hi'), Buffer.from(new Uint16Array([1, 256])), Buffer.from(new Uint8Array([1,2]).buffer), Buffer.from(Buffer.from('z')));
console.log(Buffer.from('ff', 'hex').readInt8(0), Buffer.from([1,2,3,4,5,6]).readUIntBE(0, 6), Buffer.from([1,2,3,4,5,6]).readIntLE(0, 3), typeof Buffer.from('a').buffer);
for (const x of Buffer.from('ab')) console.log(x);
console.log(Buffer.from('abc').toString('utf8', 1), Buffer.from('hello').toString('base64url'), Buffer.from([250,251]).toString('base64'), Buffer.from(' a G k = ', 'base64').toString());
const bi = Buffer.alloc(8); bi.writeBigInt64BE(-5n); console.log(bi, bi.readBigInt64BE(), bi.readBigUInt64LE());
console.log(require('util').inspect(Buffer.from('hi')), String(Buffer.from('x')), Buffer.from('hi') + '', `${Buffer.from([0x41])}`);
console.log(Object.prototype.toString.call(Buffer.from('a')), Buffer.from('a') instanceof Uint8Array, Buffer.name, Buffer.from('ab').map(x => x + 1));
