'use strict';
// Buffer's read/write accessors for integers, floats and bigints.

const { invalidArgType, outOfRange, makeNodeError } = require('internal/errors');


// installAccessors adds the integer and float accessors (read*/write*) to
// Buffer.prototype, with node's bounds checks and error messages.
module.exports = function installAccessors(p) {
  function boundsError(value, length, name = 'offset') {
    if (typeof value !== 'number') throw invalidArgType(name, 'number', value);
    if (Math.floor(value) !== value) throw outOfRange(name, 'an integer', value);
    if (length < 0) {
      throw makeNodeError(RangeError, 'ERR_BUFFER_OUT_OF_BOUNDS', 'Attempt to access memory outside buffer bounds');
    }
    throw outOfRange(name, `>= 0 and <= ${length}`, value);
  }
  function checkRead(buf, offset, n) {
    if (offset === undefined) offset = 0;
    if (typeof offset !== 'number') throw invalidArgType('offset', 'number', offset);
    if (!(Number.isInteger(offset) && offset >= 0 && offset + n <= buf.length)) {
      boundsError(offset, buf.length - n);
    }
    return offset;
  }
  function checkInt(value, min, max, buf, offset, n) {
    if (value > max || value < min) {
      let range;
      if (n > 4) {
        const p = n * 8;
        range = min === 0 ? `>= 0 and < 2 ** ${p}` : `>= -(2 ** ${p - 1}) and < 2 ** ${p - 1}`;
      } else {
        range = `>= ${min} and <= ${max}`;
      }
      throw outOfRange('value', range, value);
    }
    return checkRead(buf, offset, n);
  }
  function checkByteLength(byteLength) {
    if (typeof byteLength !== 'number') throw invalidArgType('byteLength', 'number', byteLength);
    if (!Number.isInteger(byteLength) || byteLength < 1 || byteLength > 6) {
      throw outOfRange('byteLength', '>= 1 and <= 6', byteLength);
    }
  }
  function readU(buf, offset, n, le) {
    let v = 0;
    for (let i = 0; i < n; i++) {
      const b = buf[offset + (le ? n - 1 - i : i)];
      v = v * 256 + b;
    }
    return v;
  }
  function toSigned(v, n) {
    const lim = 2 ** (8 * n - 1);
    return v >= lim ? v - 2 * lim : v;
  }
  function writeU(buf, value, offset, n, le) {
    let v = value < 0 ? value + 2 ** (8 * n) : value;
    for (let i = 0; i < n; i++) {
      const b = v % 256;
      v = Math.floor(v / 256);
      buf[offset + (le ? i : n - 1 - i)] = b;
    }
    return offset + n;
  }
  for (const [n, bits] of [[1, '8'], [2, '16'], [4, '32']]) {
    for (const le of n === 1 ? [null] : [true, false]) {
      const sfx = le === null ? '' : (le ? 'LE' : 'BE');
      const umax = 2 ** (8 * n) - 1;
      const smin = -(2 ** (8 * n - 1));
      const readUName = `readUInt${bits}${sfx}`;
      p[readUName] = function (offset = 0) { return readU(this, checkRead(this, offset, n), n, !!le); };
      p[`readUint${bits}${sfx}`] = p[readUName];
      p[`readInt${bits}${sfx}`] = function (offset = 0) {
        return toSigned(readU(this, checkRead(this, offset, n), n, !!le), n);
      };
      const writeUName = `writeUInt${bits}${sfx}`;
      p[writeUName] = function (value, offset = 0) {
        value = +value;
        return writeU(this, value, checkInt(value, 0, umax, this, offset, n), n, !!le);
      };
      p[`writeUint${bits}${sfx}`] = p[writeUName];
      p[`writeInt${bits}${sfx}`] = function (value, offset = 0) {
        value = +value;
        return writeU(this, value, checkInt(value, smin, -smin - 1, this, offset, n), n, !!le);
      };
    }
  }
  for (const le of [true, false]) {
    const sfx = le ? 'LE' : 'BE';
    p[`readUInt${sfx}`] = function (offset, byteLength) {
      checkByteLength(byteLength);
      return readU(this, checkRead(this, offset, byteLength), byteLength, le);
    };
    p[`readUint${sfx}`] = p[`readUInt${sfx}`];
    p[`readInt${sfx}`] = function (offset, byteLength) {
      checkByteLength(byteLength);
      return toSigned(readU(this, checkRead(this, offset, byteLength), byteLength, le), byteLength);
    };
    p[`writeUInt${sfx}`] = function (value, offset, byteLength) {
      checkByteLength(byteLength);
      value = +value;
      return writeU(this, value, checkInt(value, 0, 2 ** (8 * byteLength) - 1, this, offset, byteLength), byteLength, le);
    };
    p[`writeUint${sfx}`] = p[`writeUInt${sfx}`];
    p[`writeInt${sfx}`] = function (value, offset, byteLength) {
      checkByteLength(byteLength);
      value = +value;
      const lim = 2 ** (8 * byteLength - 1);
      return writeU(this, value, checkInt(value, -lim, lim - 1, this, offset, byteLength), byteLength, le);
    };
    const dv = (buf) => new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    p[`readFloat${sfx}`] = function (offset = 0) { return dv(this).getFloat32(checkRead(this, offset, 4), le); };
    p[`readDouble${sfx}`] = function (offset = 0) { return dv(this).getFloat64(checkRead(this, offset, 8), le); };
    // goja writes Go's NaN (payload 1); V8 and node write the canonical quiet
    // NaN, so spell that out.
    p[`writeFloat${sfx}`] = function (value, offset = 0) {
      offset = checkRead(this, offset, 4);
      value = +value;
      if (Number.isNaN(value)) dv(this).setUint32(offset, 0x7fc00000, le);
      else dv(this).setFloat32(offset, value, le);
      return offset + 4;
    };
    p[`writeDouble${sfx}`] = function (value, offset = 0) {
      offset = checkRead(this, offset, 8);
      value = +value;
      if (Number.isNaN(value)) {
        dv(this).setUint32(offset + (le ? 4 : 0), 0x7ff80000, le);
        dv(this).setUint32(offset + (le ? 0 : 4), 0, le);
      } else {
        dv(this).setFloat64(offset, value, le);
      }
      return offset + 8;
    };
    p[`readBigInt64${sfx}`] = function (offset = 0) { return dv(this).getBigInt64(checkRead(this, offset, 8), le); };
    p[`readBigUInt64${sfx}`] = function (offset = 0) { return dv(this).getBigUint64(checkRead(this, offset, 8), le); };
    p[`readBigUint64${sfx}`] = p[`readBigUInt64${sfx}`];
    p[`writeBigInt64${sfx}`] = function (value, offset = 0) {
      if (typeof value !== 'bigint') throw invalidArgType('value', 'bigint', value);
      if (value < -(2n ** 63n) || value >= 2n ** 63n) {
        throw outOfRange('value', '>= -(2n ** 63n) and < 2n ** 63n', value);
      }
      offset = checkRead(this, offset, 8);
      dv(this).setBigInt64(offset, value, le);
      return offset + 8;
    };
    p[`writeBigUInt64${sfx}`] = function (value, offset = 0) {
      if (typeof value !== 'bigint') throw invalidArgType('value', 'bigint', value);
      if (value < 0n || value >= 2n ** 64n) throw outOfRange('value', '>= 0n and < 2n ** 64n', value);
      offset = checkRead(this, offset, 8);
      dv(this).setBigUint64(offset, value, le);
      return offset + 8;
    };
    p[`writeBigUint64${sfx}`] = p[`writeBigUInt64${sfx}`];
  }
};
