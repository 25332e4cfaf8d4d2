// Reading and writing integers and floats in both byte orders.
const b = Buffer.alloc(16);
console.log(b.writeUInt8(255, 0), b.writeInt8(-2, 1), b.writeUInt16LE(0x1234, 2), b.writeUInt16BE(0x1234, 4));
console.log(b.writeInt32LE(-123456, 6), b.writeUInt32BE(0xdeadbeef, 10));
console.log(b.toString('hex'));
console.log(b.readUInt8(0), b.readInt8(1), b.readUInt16LE(2), b.readUInt16BE(2), b.readInt16BE(4));
console.log(b.readInt32LE(6), b.readUInt32BE(10), b.readUInt32LE(10), b.readInt32BE(10));
const f = Buffer.alloc(12);
f.writeFloatLE(1.5, 0);
f.writeDoubleBE(-0.1, 4);
console.log(f.toString('hex'), f.readFloatLE(0), f.readDoubleBE(4));
const big = Buffer.alloc(8);
big.writeBigInt64LE(-5n);
console.log(big.toString('hex'), big.readBigInt64LE(0), big.readBigUInt64BE(0));
const v = Buffer.alloc(6);
v.writeUIntBE(0x123456, 0, 3);
v.writeIntLE(-2, 3, 3);
console.log(v.toString('hex'), v.readUIntBE(0, 3), v.readIntLE(3, 3));
try {
  b.readUInt32LE(14);
} catch (e) {
  console.log(e.name, e.code);
}
try {
  b.writeUInt8(300, 0);
} catch (e) {
  console.log(e.name, e.code);
}
console.log('aliases', b.readUint16LE(2) === b.readUInt16LE(2));
