// node's error texts beyond "Received": the list of accepted types
// (types, classes, "one of"), ERR_OUT_OF_RANGE with its digit grouping for
// numbers and bigints past 2 ** 32 (1e21 included), ERR_INVALID_ARG_VALUE,
// and a few codes node uses instead of ERR_INVALID_ARG_TYPE.
const fs = require('fs');
const assert = require('assert');
const url = require('url');
const util = require('util');

function attempt(label, fn) {
  try {
    fn();
    console.log(`${label}: ok`);
  } catch (e) {
    console.log(`${label}: ${e.name} ${e.code} ${e.message}`);
  }
}

attempt('assert.throws error', () => assert.throws(() => { throw new Error('x'); }, 5));
attempt('url.format', () => url.format(5));
attempt('parseArgs args', () => util.parseArgs({ args: 'x' }));
attempt('URLSearchParams pair', () => new URLSearchParams([1]));
attempt('URLSearchParams null pair', () => new URLSearchParams([null]));
attempt('hrtime', () => process.hrtime(5));
attempt('captureStackTrace', () => Error.captureStackTrace(5));
attempt('stdout.write null', () => process.stdout.write(null));
attempt('stdout.write number', () => process.stdout.write(5));
attempt('fs options', () => fs.readFileSync('x', 5));
attempt('fs utimes', () => fs.utimesSync('x', {}, 1));
attempt('fs mkdtemp', () => fs.mkdtempSync(5));
attempt('fs readSync', () => fs.readSync(0, 'x'));
attempt('fs writeSync', () => fs.writeSync(1, 5));
attempt('fs null byte', () => fs.readFileSync('a\0b'));
attempt('fs encoding', () => fs.readFileSync('x', 'nope'));
attempt('fs flags', () => fs.openSync('x', 'zz'));
attempt('Buffer.from date', () => console.log(Buffer.from(new Date(0)).length > 0));

const buf = Buffer.alloc(8);
for (const [label, fn] of [
  ['readUInt8 2**33', () => buf.readUInt8(2 ** 33)],
  ['readUInt8 -2**33', () => buf.readUInt8(-(2 ** 33))],
  ['readUInt8 2**32', () => buf.readUInt8(2 ** 32)],
  ['readUInt8 1e21', () => buf.readUInt8(1e21)],
  ['readUInt8 -1e21', () => buf.readUInt8(-1e21)],
  ['readUInt8 1.5', () => buf.readUInt8(1.5)],
  ['readUInt8 -5', () => buf.readUInt8(-5)],
  ['writeUInt8 300', () => buf.writeUInt8(300)],
  ['writeUInt32LE 2**40', () => buf.writeUInt32LE(2 ** 40)],
  ['writeInt32BE -(2**33)', () => buf.writeInt32BE(-(2 ** 33))],
  ['writeUInt32LE 1234567', () => buf.writeUInt32LE(1234567, 5)],
  ['writeBigInt64LE 2n**70n', () => buf.writeBigInt64LE(2n ** 70n)],
  ['writeBigInt64LE -(2n**70n)', () => buf.writeBigInt64LE(-(2n ** 70n))],
  ['writeBigUInt64LE -1n', () => buf.writeBigUInt64LE(-1n)],
  ['writeBigUInt64LE 2n**64n', () => buf.writeBigUInt64LE(2n ** 64n)],
  ['alloc -5', () => Buffer.alloc(-5)],
  ['alloc 2**53', () => Buffer.alloc(2 ** 53)],
]) attempt(label, fn);
