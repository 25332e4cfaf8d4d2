'use strict';
// node's Buffer: a Uint8Array subclass. String coding, search and compare are
// Go helpers (internal.*); integer reads and writes are plain JS byte math.

const errors = require('internal/errors');
const { invalidArgType, outOfRange, makeNodeError } = errors;
const customInspect = Symbol.for('nodejs.util.inspect.custom');
const types = require('internal/types');

const kMaxLength = 2 ** 32;
const INSPECT_MAX_BYTES = 50;

class FastBuffer extends Uint8Array {
  // eslint-disable-next-line no-useless-constructor
  constructor(a, b, c) { super(a, b, c); }
}

function normalizeEncoding(enc) {
  if (enc === undefined || enc === null || enc === 'utf8' || enc === 'utf-8') return 'utf8';
  switch (`${enc}`.toLowerCase()) {
    case 'utf8': case 'utf-8': return 'utf8';
    case 'hex': return 'hex';
    case 'base64': return 'base64';
    case 'base64url': return 'base64url';
    case 'latin1': case 'binary': return 'latin1';
    case 'ascii': return 'ascii';
    case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le': return 'utf16le';
    default: return undefined;
  }
}

function getEncoding(enc) {
  const e = normalizeEncoding(enc);
  if (e === undefined) {
    throw makeNodeError(TypeError, 'ERR_UNKNOWN_ENCODING', `Unknown encoding: ${enc}`);
  }
  return e;
}

function Buffer(arg, encodingOrOffset, length) {
  if (typeof arg === 'number') {
    if (typeof encodingOrOffset === 'string') {
      throw invalidArgType('string', 'string', arg);
    }
    return Buffer.alloc(arg);
  }
  return Buffer.from(arg, encodingOrOffset, length);
}
Object.defineProperty(Buffer, Symbol.species, { get() { return FastBuffer; }, configurable: true });
FastBuffer.prototype.constructor = Buffer;
Buffer.prototype = FastBuffer.prototype;
Object.setPrototypeOf(Buffer, Uint8Array);

function validateSize(size) {
  if (typeof size !== 'number') throw invalidArgType('size', 'number', size);
  if (!(size >= 0 && size <= kMaxLength)) throw outOfRange('size', `>= 0 && <= ${kMaxLength}`, size);
}

Buffer.alloc = function alloc(size, fill, encoding) {
  validateSize(size);
  const buf = new FastBuffer(size);
  if (fill !== undefined && fill !== 0 && size > 0) buf.fill(fill, 0, buf.length, encoding);
  return buf;
};
Buffer.allocUnsafe = function allocUnsafe(size) {
  validateSize(size);
  return new FastBuffer(size);
};
Buffer.allocUnsafeSlow = Buffer.allocUnsafe;
Buffer.poolSize = 8192;

Buffer.from = function from(value, encodingOrOffset, length) {
  if (typeof value === 'string') return fromString(value, encodingOrOffset);
  if (typeof value === 'object' && value !== null) {
    if (types.isAnyArrayBuffer(value)) {
      const offset = encodingOrOffset === undefined ? 0 : +encodingOrOffset || 0;
      const maxLength = value.byteLength - offset;
      if (maxLength < 0) {
        throw makeNodeError(RangeError, 'ERR_BUFFER_OUT_OF_BOUNDS', '"offset" is outside of buffer bounds');
      }
      let len = maxLength;
      if (length !== undefined) {
        len = +length || 0;
        if (len > maxLength) {
          throw makeNodeError(RangeError, 'ERR_BUFFER_OUT_OF_BOUNDS', '"length" is outside of buffer bounds');
        }
      }
      return new FastBuffer(value, offset, len);
    }
    if (ArrayBuffer.isView(value)) {
      const src = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
      if (types.isTypedArray(value) && !(value instanceof Uint8Array)) {
        // Other element types copy by value (truncated to bytes), like node.
        const buf = new FastBuffer(value.length);
        for (let i = 0; i < value.length; i++) buf[i] = Number(value[i]);
        return buf;
      }
      return new FastBuffer(src);
    }
    const primitive = value.valueOf && value.valueOf();
    // Only a string or object valueOf is followed (a Date's number is not).
    if (primitive != null && primitive !== value && (typeof primitive === 'string' || typeof primitive === 'object')) {
      return Buffer.from(primitive, encodingOrOffset, length);
    }
    if (value.type === 'Buffer' && Array.isArray(value.data)) return fromArrayLike(value.data);
    if (typeof value.length === 'number' || Array.isArray(value)) return fromArrayLike(value);
    if (typeof value[Symbol.toPrimitive] === 'function') {
      const p = value[Symbol.toPrimitive]('string');
      if (typeof p === 'string') return fromString(p, encodingOrOffset);
    }
  }
  throw invalidArgType('first argument',
    ['string', 'Buffer', 'ArrayBuffer', 'Array', 'Array-like Object'], value);
};

function fromArrayLike(obj) {
  const len = obj.length >>> 0;
  const buf = new FastBuffer(len);
  for (let i = 0; i < len; i++) buf[i] = obj[i];
  return buf;
}

function fromString(string, encoding) {
  const enc = typeof encoding === 'string' && encoding !== '' ? getEncoding(encoding) : 'utf8';
  return new FastBuffer(internal.fromString(string, enc));
}

Buffer.of = function of(...items) { return fromArrayLike(items); };

Buffer.isBuffer = function isBuffer(b) { return b instanceof Buffer; };

// copyBytesFrom copies the bytes behind view's elements [offset, offset+length).
Buffer.copyBytesFrom = function copyBytesFrom(view, offset, length) {
  if (!types.isTypedArray(view)) throw invalidArgType('view', 'an instance of TypedArray', view);
  const viewLength = view.length;
  if (viewLength === 0) return Buffer.alloc(0);
  if (offset !== undefined || length !== undefined) {
    if (offset !== undefined) {
      errors.validateInteger(offset, 'offset', 0);
      if (offset >= viewLength) return Buffer.alloc(0);
    } else {
      offset = 0;
    }
    let end;
    if (length !== undefined) {
      errors.validateInteger(length, 'length', 0);
      end = offset + length;
    } else {
      end = viewLength;
    }
    view = view.subarray(offset, Math.min(end, viewLength));
  }
  return new FastBuffer(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
};
Buffer.isEncoding = function isEncoding(enc) {
  return typeof enc === 'string' && enc.length !== 0 && normalizeEncoding(enc) !== undefined;
};

Buffer.byteLength = function byteLength(string, encoding) {
  if (typeof string !== 'string') {
    if (ArrayBuffer.isView(string) || types.isAnyArrayBuffer(string)) return string.byteLength;
    throw invalidArgType('string', 'string or an instance of Buffer or ArrayBuffer', string);
  }
  const enc = normalizeEncoding(encoding) || 'utf8';
  return internal.byteLength(string, enc);
};

function validateBufferLike(v, name) {
  if (!(v instanceof Uint8Array)) throw invalidArgType(name, 'an instance of Buffer or Uint8Array', v);
}

Buffer.compare = function compare(a, b) {
  validateBufferLike(a, 'buf1');
  validateBufferLike(b, 'buf2');
  return internal.compare(a, b);
};

Buffer.concat = function concat(list, length) {
  if (!Array.isArray(list)) throw invalidArgType('list', 'an instance of Array', list);
  if (list.length === 0) return new FastBuffer(0);
  if (length === undefined) {
    length = 0;
    for (let i = 0; i < list.length; i++) {
      if (!(list[i] instanceof Uint8Array)) {
        throw invalidArgType(`list[${i}]`, 'an instance of Buffer or Uint8Array', list[i]);
      }
      length += list[i].length;
    }
  } else if (typeof length !== 'number') {
    throw invalidArgType('length', 'number', length);
  }
  const buffer = Buffer.allocUnsafe(length);
  let pos = 0;
  for (let i = 0; i < list.length && pos < length; i++) {
    const buf = list[i];
    if (!(buf instanceof Uint8Array)) {
      throw invalidArgType(`list[${i}]`, 'an instance of Buffer or Uint8Array', buf);
    }
    const n = Math.min(buf.length, length - pos);
    buffer.set(n === buf.length ? buf : buf.subarray(0, n), pos);
    pos += n;
  }
  if (pos < length) buffer.fill(0, pos, length);
  return buffer;
};

const proto = Buffer.prototype;

function clampRange(len, start, end) {
  start = start === undefined ? 0 : Math.trunc(+start) || 0;
  end = end === undefined ? len : Math.trunc(+end) || 0;
  if (start < 0) start = 0;
  if (end > len) end = len;
  if (end < start) end = start;
  if (start > len) start = end = len;
  return [start, end];
}

proto.toString = function toString(encoding, start, end) {
  if (arguments.length === 0) return internal.toString(this, 'utf8', 0, this.length);
  const [s, e] = clampRange(this.length, start, end);
  if (e <= s) return '';
  const enc = encoding === undefined ? 'utf8' : getEncoding(encoding);
  return internal.toString(this, enc, s, e);
};
proto.toLocaleString = proto.toString;

proto.equals = function equals(other) {
  validateBufferLike(other, 'otherBuffer');
  if (this === other) return true;
  return this.length === other.length && internal.compare(this, other) === 0;
};

proto.compare = function compare(target, targetStart, targetEnd, sourceStart, sourceEnd) {
  validateBufferLike(target, 'target');
  const t = target.subarray(targetStart || 0, targetEnd === undefined ? target.length : targetEnd);
  const s = this.subarray(sourceStart || 0, sourceEnd === undefined ? this.length : sourceEnd);
  return internal.compare(s, t);
};

proto.copy = function copy(target, targetStart, sourceStart, sourceEnd) {
  validateBufferLike(target, 'target');
  targetStart = targetStart === undefined ? 0 : Math.trunc(+targetStart) || 0;
  sourceStart = sourceStart === undefined ? 0 : Math.trunc(+sourceStart) || 0;
  sourceEnd = sourceEnd === undefined ? this.length : Math.trunc(+sourceEnd) || 0;
  if (targetStart < 0) throw outOfRange('targetStart', `>= 0 && <= ${target.length}`, targetStart);
  if (sourceStart < 0 || sourceStart > this.length) {
    throw outOfRange('sourceStart', `>= 0 && <= ${this.length}`, sourceStart);
  }
  if (sourceEnd < 0) throw outOfRange('sourceEnd', '>= 0', sourceEnd);
  if (sourceEnd > this.length) sourceEnd = this.length;
  if (targetStart >= target.length || sourceStart >= sourceEnd) return 0;
  const n = Math.min(sourceEnd - sourceStart, target.length - targetStart);
  target.set(this.subarray(sourceStart, sourceStart + n), targetStart);
  return n;
};

function adjustOffset(offset, length) {
  offset = Math.trunc(offset);
  if (offset === 0 || Number.isNaN(offset)) return 0;
  if (offset < 0) { offset += length; return offset > 0 ? offset : 0; }
  if (offset < length) return offset;
  return length;
}

proto.slice = function slice(start, end) {
  const len = this.length;
  start = start === undefined ? 0 : adjustOffset(+start, len);
  end = end === undefined ? len : adjustOffset(+end, len);
  return new FastBuffer(this.buffer, this.byteOffset + start, end > start ? end - start : 0);
};

proto.write = function write(string, offset, length, encoding) {
  if (typeof string !== 'string') throw invalidArgType('argument', 'string', string);
  if (offset === undefined) {
    return internal.write(this, string, 0, this.length, 'utf8');
  }
  if (length === undefined && typeof offset === 'string') {
    encoding = offset;
    length = this.length;
    offset = 0;
  } else {
    offset = checkOffsetArg(offset, 'offset', this.length);
    const remaining = this.length - offset;
    if (length === undefined) {
      length = remaining;
    } else if (typeof length === 'string') {
      encoding = length;
      length = remaining;
    } else {
      length = checkOffsetArg(length, 'length', this.length);
      if (length > remaining) length = remaining;
    }
  }
  const enc = encoding === undefined ? 'utf8' : getEncoding(encoding);
  return internal.write(this, string, offset, length, enc);
};

function checkOffsetArg(v, name, max) {
  if (typeof v !== 'number') throw invalidArgType(name, 'number', v);
  if (!Number.isInteger(v)) throw outOfRange(name, 'an integer', v);
  if (v < 0 || v > max) throw outOfRange(name, `>= 0 && <= ${max}`, v);
  return v;
}

proto.fill = function fill(value, offset, end, encoding) {
  if (typeof offset === 'string') { encoding = offset; offset = 0; end = this.length; }
  else if (typeof end === 'string') { encoding = end; end = this.length; }
  offset = offset === undefined ? 0 : offset;
  end = end === undefined ? this.length : end;
  if (typeof offset !== 'number') throw invalidArgType('offset', 'number', offset);
  if (typeof end !== 'number') throw invalidArgType('end', 'number', end);
  if (offset < 0 || offset > this.length) throw outOfRange('offset', `>= 0 && <= ${this.length}`, offset);
  if (end < 0 || end > this.length) throw outOfRange('end', `>= 0 && <= ${this.length}`, end);
  if (end <= offset) return this;
  if (typeof value === 'number') {
    Uint8Array.prototype.fill.call(this, value & 255, offset, end);
    return this;
  }
  if (typeof value === 'boolean') {
    Uint8Array.prototype.fill.call(this, +value, offset, end);
    return this;
  }
  let bytes;
  if (typeof value === 'string') {
    if (value.length === 0) {
      Uint8Array.prototype.fill.call(this, 0, offset, end);
      return this;
    }
    const enc = encoding === undefined ? 'utf8' : getEncoding(encoding);
    bytes = new Uint8Array(internal.fromString(value, enc));
    if (bytes.length === 0) {
      throw makeNodeError(TypeError, 'ERR_INVALID_ARG_VALUE',
        `The argument 'value' is invalid. Received '${value}'`);
    }
  } else if (ArrayBuffer.isView(value)) {
    bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  } else {
    Uint8Array.prototype.fill.call(this, Number(value) & 255, offset, end);
    return this;
  }
  internal.fillPattern(this, bytes, offset, end);
  return this;
};

function toNeedle(value, encoding) {
  if (typeof value === 'string') return new Uint8Array(internal.fromString(value, getEncoding(encoding)));
  if (value instanceof Uint8Array) return value;
  if (typeof value === 'number') return new Uint8Array([value & 255]);
  throw invalidArgType('value', 'number or string or an instance of Buffer or Uint8Array', value);
}

function bidirectionalIndexOf(buf, value, byteOffset, encoding, last) {
  if (typeof byteOffset === 'string') { encoding = byteOffset; byteOffset = undefined; }
  let off = byteOffset === undefined ? (last ? buf.length : 0) : +byteOffset;
  if (Number.isNaN(off)) off = last ? buf.length : 0;
  off = Math.trunc(off);
  if (off < 0) off += buf.length;
  if (!last && off < 0) off = 0;
  const needle = toNeedle(value, encoding);
  if (needle.length === 0 && typeof value !== 'number') {
    return last ? Math.min(off, buf.length) : Math.min(off, buf.length);
  }
  return internal.indexOf(buf, needle, off, last);
}

proto.indexOf = function indexOf(value, byteOffset, encoding) {
  return bidirectionalIndexOf(this, value, byteOffset, encoding, false);
};
proto.lastIndexOf = function lastIndexOf(value, byteOffset, encoding) {
  return bidirectionalIndexOf(this, value, byteOffset, encoding, true);
};
proto.includes = function includes(value, byteOffset, encoding) {
  return this.indexOf(value, byteOffset, encoding) !== -1;
};

proto.toJSON = function toJSON() {
  const data = new Array(this.length);
  for (let i = 0; i < this.length; i++) data[i] = this[i];
  return { type: 'Buffer', data };
};

proto.swap16 = function swap16() { return swap(this, 2); };
proto.swap32 = function swap32() { return swap(this, 4); };
proto.swap64 = function swap64() { return swap(this, 8); };
function swap(buf, n) {
  if (buf.length % n !== 0) {
    throw makeNodeError(RangeError, 'ERR_INVALID_BUFFER_SIZE', `Buffer size must be a multiple of ${n * 8}-bits`);
  }
  for (let i = 0; i < buf.length; i += n) {
    for (let j = 0; j < n / 2; j++) {
      const t = buf[i + j];
      buf[i + j] = buf[i + n - 1 - j];
      buf[i + n - 1 - j] = t;
    }
  }
  return buf;
}

for (const enc of ['utf8', 'hex', 'base64', 'base64url', 'latin1', 'ascii', 'utf16le']) {
  const name = enc === 'utf16le' ? 'ucs2' : enc;
  proto[`${name}Slice`] = function (start = 0, end = this.length) { return internal.toString(this, enc, start, end); };
  proto[`${name}Write`] = function (str, offset = 0, length = this.length - offset) {
    return internal.write(this, str, offset, length, enc);
  };
}

proto[customInspect] = function inspect(recurseTimes, ctx) {
  const actualMax = Math.min(INSPECT_MAX_BYTES, this.length);
  const remaining = this.length - INSPECT_MAX_BYTES;
  let str = internal.toString(this, 'hex', 0, actualMax).replace(/(.{2})/g, '$1 ').trim();
  if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
  if (ctx) {
    const obj = Object.create(null);
    let extras = false;
    for (const key of Object.keys(this)) {
      if (/^(0|[1-9][0-9]*)$/.test(key)) continue;
      extras = true;
      obj[key] = this[key];
    }
    if (extras) {
      if (this.length !== 0) str += ', ';
      str += require('util').inspect(obj, Object.assign({}, ctx, { breakLength: Infinity, compact: true })).slice(27, -2);
    }
  }
  return `<${this.constructor.name} ${str}>`;
};

require('internal/buffer/accessors')(proto);

function atob(input) {
  if (arguments.length === 0) throw invalidArgType('input', 'string', undefined);
  const s = `${input}`.replace(/[\t\n\f\r ]/g, '');
  if (s.length % 4 === 1 || /[^A-Za-z0-9+/=]/.test(s) || /=[^=]/.test(s) || /={3,}$/.test(s)) {
    const err = new Error('Invalid character');
    err.name = 'InvalidCharacterError';
    throw err;
  }
  return internal.toString(new FastBuffer(internal.fromString(s, 'base64')), 'latin1', 0,
    internal.byteLength(s, 'base64'));
}

function btoa(input) {
  if (arguments.length === 0) throw invalidArgType('input', 'string', undefined);
  const s = `${input}`;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 255) {
      const err = new Error('Invalid character');
      err.name = 'InvalidCharacterError';
      throw err;
    }
  }
  const b = new FastBuffer(internal.fromString(s, 'latin1'));
  return internal.toString(b, 'base64', 0, b.length);
}

const SlowBuffer = function SlowBuffer(size) { return Buffer.allocUnsafeSlow(size); };

// Blob and File: immutable byte containers (node keeps them in buffer).
function blobPartBytes(part) {
  if (part instanceof Blob) return part.bytesView();
  if (types.isAnyArrayBuffer(part)) return new Uint8Array(part);
  if (ArrayBuffer.isView(part)) return new Uint8Array(part.buffer, part.byteOffset, part.byteLength);
  return new Uint8Array(internal.fromString(`${part}`, 'utf8'));
}

class Blob {
  #bytes;
  #type;
  constructor(sources = [], options = {}) {
    if (sources === null || typeof sources !== 'object' || typeof sources[Symbol.iterator] !== 'function') {
      throw invalidArgType('sources', 'a sequence', sources);
    }
    const parts = Array.from(sources, blobPartBytes);
    const size = parts.reduce((n, p) => n + p.length, 0);
    this.#bytes = new Uint8Array(size);
    let pos = 0;
    for (const p of parts) {
      this.#bytes.set(p, pos);
      pos += p.length;
    }
    const type = options && options.type !== undefined ? `${options.type}` : '';
    this.#type = /^[\x20-\x7e]*$/.test(type) ? type.toLowerCase() : '';
  }
  bytesView() { return this.#bytes; }
  get size() { return this.#bytes.length; }
  get type() { return this.#type; }
  slice(start = 0, end = this.size, contentType = '') {
    const n = this.size;
    const s = start < 0 ? Math.max(n + start, 0) : Math.min(start, n);
    const e = end < 0 ? Math.max(n + end, 0) : Math.min(end, n);
    return new Blob([this.#bytes.slice(s, Math.max(s, e))], { type: contentType });
  }
  async text() { return internal.toString(this.#bytes, 'utf8', 0, this.#bytes.length); }
  async arrayBuffer() { return this.#bytes.slice().buffer; }
  async bytes() { return this.#bytes.slice(); }
  [customInspect](depth, options, inspect) {
    if (depth < 0) return this;
    return `Blob ${inspect({ size: this.size, type: this.type }, Object.assign({}, options, { depth }))}`;
  }
}
Object.defineProperty(Blob.prototype, Symbol.toStringTag, { value: 'Blob', configurable: true });
Object.defineProperty(Blob.prototype, 'bytesView', { enumerable: false });

class File extends Blob {
  #name;
  #lastModified;
  constructor(fileBits, fileName, options = {}) {
    if (arguments.length < 2) {
      throw makeNodeError(TypeError, 'ERR_MISSING_ARGS', 'The "fileBits" and "fileName" arguments must be specified');
    }
    super(fileBits, options);
    this.#name = `${fileName}`;
    this.#lastModified = options && options.lastModified !== undefined ? Number(options.lastModified) : Date.now();
  }
  get name() { return this.#name; }
  get lastModified() { return this.#lastModified; }
  [customInspect](depth, options, inspect) {
    if (depth < 0) return this;
    return `File ${inspect({ size: this.size, type: this.type, name: this.name, lastModified: this.lastModified },
      Object.assign({}, options, { depth }))}`;
  }
}
Object.defineProperty(File.prototype, Symbol.toStringTag, { value: 'File', configurable: true });

module.exports = {
  Buffer,
  SlowBuffer,
  Blob,
  File,
  atob,
  btoa,
  kMaxLength,
  kStringMaxLength: 2 ** 29 - 24,
  constants: { MAX_LENGTH: kMaxLength, MAX_STRING_LENGTH: 2 ** 29 - 24 },
  INSPECT_MAX_BYTES,
  isUtf8: (input) => {
    const b = input instanceof Uint8Array ? input : new Uint8Array(input);
    return !internal.toString(b, 'utf8', 0, b.length).includes('\ufffd') ||
      Buffer.from(internal.toString(b, 'utf8', 0, b.length)).equals(Buffer.from(b));
  },
  isAscii: (input) => {
    const b = input instanceof Uint8Array ? input : new Uint8Array(input);
    for (let i = 0; i < b.length; i++) if (b[i] > 127) return false;
    return true;
  },
};
