// More Buffer: ucs2 alias, 48-bit reads, NaN bits, constants, copyBytesFrom,
// buffer module exports, inspect of long buffers, transcode-free iteration.
const buffer = require('buffer');
const b = Buffer.from('héllo', 'ucs2');
console.log(b.toString('hex'), b.toString('utf16le'), Buffer.from('hi', 'UCS-2').length);
const six = Buffer.from([1, 2, 3, 4, 5, 6]);
console.log(six.readUIntLE(0, 6), six.readUIntBE(0, 6), six.readIntBE(0, 6), Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff]).readIntLE(0, 6));
const d = Buffer.alloc(8);
d.writeDoubleLE(NaN);
console.log('NaN', d.toString('hex'), Number.isNaN(d.readDoubleLE(0)));
d.writeDoubleBE(-0);
console.log('-0', d.toString('hex'), Object.is(d.readDoubleBE(0), -0));
console.log(typeof buffer.constants.MAX_LENGTH, buffer.kMaxLength === buffer.constants.MAX_LENGTH, typeof buffer.constants.MAX_STRING_LENGTH);
console.log(typeof buffer.Blob, typeof buffer.atob, buffer.SlowBuffer === undefined ? 'no SlowBuffer' : 'SlowBuffer', buffer.INSPECT_MAX_BYTES);
console.log(Buffer.alloc(60, 1));
console.log(Buffer.from('abc').toString('binary'), Buffer.from('YWJj', 'base64').toString('ascii'));
const u16 = new Uint16Array([1, 2]);
console.log(typeof Buffer.copyBytesFrom === 'function' ? Buffer.copyBytesFrom(u16, 1).toString('hex') : 'n/a');
console.log(Buffer.from([1, 2, 3]).readUInt16BE(1), Buffer.from('ff', 'hex')[0], Buffer.from('ff', 'hex')[1]);
const big = Buffer.alloc(4);
big.writeUInt32LE(0xffffffff);
console.log(big.readInt32LE(0), big.readUInt32LE(0), big.toString('base64'));
console.log(Buffer.from('€').toJSON().data.join(','), Buffer.byteLength('€', 'base64'), Buffer.byteLength('aGk=', 'base64'));
console.log(JSON.stringify(Buffer.from('a\u0000b').toString()), Buffer.from('\u00ff', 'ascii').toString('hex'), Buffer.from([0x80]).toString('ascii'));
console.log([...Buffer.from('hi').keys()].join(), Buffer.from('hi').at(-1), Buffer.compare(Buffer.alloc(0), Buffer.alloc(0)));
