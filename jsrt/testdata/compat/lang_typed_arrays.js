// Typed arrays and DataView: overflow wrapping, shared buffers, endianness,
// subarray vs slice, conversions, BigInt arrays.
const u8 = new Uint8Array([255, 256, -1, 3.7]);
console.log(Array.from(u8).join(), new Uint8ClampedArray([300, -5, 1.5, 2.5]).join());
const i16 = new Int16Array([40000, -40000]);
console.log(i16.join(), new Uint32Array([-1]).join(), new Float32Array([0.1])[0], new Float64Array([0.1])[0]);
const buf = new ArrayBuffer(8);
const view = new DataView(buf);
view.setUint16(0, 0x1234);
view.setUint16(2, 0x1234, true);
view.setFloat32(4, 1.5);
console.log(Array.from(new Uint8Array(buf)).map((b) => b.toString(16).padStart(2, '0')).join(' '));
console.log(view.getUint16(0), view.getUint16(0, true), view.getInt8(0), view.getFloat32(4), view.byteLength);
const shared = new Uint8Array(buf, 2, 4);
shared[0] = 0xff;
console.log(new Uint8Array(buf)[2], shared.byteOffset, shared.length, shared.buffer === buf);
const base = new Int32Array([1, 2, 3, 4, 5]);
const sub = base.subarray(1, 3);
const sl = base.slice(1, 3);
sub[0] = 99;
sl[1] = 77;
console.log(base.join(), sub.join(), sl.join());
console.log(base.map((x) => x * 2).join(), base.filter((x) => x > 3).constructor.name, base.reduce((a, b) => a + b));
console.log(Int8Array.BYTES_PER_ELEMENT, Float64Array.BYTES_PER_ELEMENT, new Float64Array(3).byteLength);
const big = new BigInt64Array([1n, -1n]);
console.log(big.join(), new BigUint64Array(big.buffer).join());
console.log(new Uint8Array(new Uint16Array([0x0102]).buffer).join(), Object.prototype.toString.call(u8));
console.log(u8 instanceof Uint8Array, ArrayBuffer.isView(view), ArrayBuffer.isView(buf), buf.slice(4).byteLength);
const s = new Int8Array([5, -3, 10, 0, -100]);
console.log(s.sort().join(), new Float64Array([3, NaN, -0, 0, -Infinity]).sort().join());
const copy = new Uint8Array(4);
copy.set([1, 2], 1);
copy.set(new Uint8Array([9]), 3);
console.log(copy.join(), copy.indexOf(2), copy.includes(9), copy.at(-1), copy.fill(7, 2).join());
console.log(new Uint16Array(new Uint8Array([1, 2, 3])).join(), Array.isArray(u8), JSON.stringify(new Uint8Array([1, 2])));
try { new Uint8Array(-1); } catch (e) { console.log('negative length', e.name); }
