'use strict';
// node's 'zlib': whole-buffer compression and decompression (sync, callback
// and so util.promisify forms) over the Go codecs in internal.process, and
// the stream classes (Gzip, Inflate, ...: stream.Transforms), with node
// 20's option checks and error shapes. See zlib.go for what differs.

const { Buffer } = require('buffer');
const errors = require('internal/errors');
const { Transform, finished } = require('stream');
const { invalidArgType, outOfRange, makeNodeError } = errors;

const constants = {
  Z_NO_FLUSH: 0, Z_PARTIAL_FLUSH: 1, Z_SYNC_FLUSH: 2, Z_FULL_FLUSH: 3, Z_FINISH: 4, Z_BLOCK: 5,
  Z_OK: 0, Z_STREAM_END: 1, Z_NEED_DICT: 2, Z_ERRNO: -1, Z_STREAM_ERROR: -2, Z_DATA_ERROR: -3,
  Z_MEM_ERROR: -4, Z_BUF_ERROR: -5, Z_VERSION_ERROR: -6,
  Z_NO_COMPRESSION: 0, Z_BEST_SPEED: 1, Z_BEST_COMPRESSION: 9, Z_DEFAULT_COMPRESSION: -1,
  Z_FILTERED: 1, Z_HUFFMAN_ONLY: 2, Z_RLE: 3, Z_FIXED: 4, Z_DEFAULT_STRATEGY: 0, ZLIB_VERNUM: 4880,
  DEFLATE: 1, INFLATE: 2, GZIP: 3, GUNZIP: 4, DEFLATERAW: 5, INFLATERAW: 6, UNZIP: 7,
  BROTLI_DECODE: 8, BROTLI_ENCODE: 9,
  Z_MIN_WINDOWBITS: 8, Z_MAX_WINDOWBITS: 15, Z_DEFAULT_WINDOWBITS: 15,
  Z_MIN_CHUNK: 64, Z_MAX_CHUNK: Infinity, Z_DEFAULT_CHUNK: 16384,
  Z_MIN_MEMLEVEL: 1, Z_MAX_MEMLEVEL: 9, Z_DEFAULT_MEMLEVEL: 8,
  Z_MIN_LEVEL: -1, Z_MAX_LEVEL: 9, Z_DEFAULT_LEVEL: -1,
  BROTLI_OPERATION_PROCESS: 0, BROTLI_OPERATION_FLUSH: 1, BROTLI_OPERATION_FINISH: 2,
  BROTLI_OPERATION_EMIT_METADATA: 3,
  BROTLI_PARAM_MODE: 0, BROTLI_MODE_GENERIC: 0, BROTLI_MODE_TEXT: 1, BROTLI_MODE_FONT: 2,
  BROTLI_DEFAULT_MODE: 0, BROTLI_PARAM_QUALITY: 1, BROTLI_MIN_QUALITY: 0, BROTLI_MAX_QUALITY: 11,
  BROTLI_DEFAULT_QUALITY: 11, BROTLI_PARAM_LGWIN: 2, BROTLI_MIN_WINDOW_BITS: 10,
  BROTLI_MAX_WINDOW_BITS: 24, BROTLI_LARGE_MAX_WINDOW_BITS: 30, BROTLI_DEFAULT_WINDOW: 22,
  BROTLI_PARAM_LGBLOCK: 3, BROTLI_MIN_INPUT_BLOCK_BITS: 16, BROTLI_MAX_INPUT_BLOCK_BITS: 24,
  BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING: 4, BROTLI_PARAM_SIZE_HINT: 5,
  BROTLI_PARAM_LARGE_WINDOW: 6, BROTLI_PARAM_NPOSTFIX: 7, BROTLI_PARAM_NDIRECT: 8,
  BROTLI_DECODER_RESULT_ERROR: 0, BROTLI_DECODER_RESULT_SUCCESS: 1,
  BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT: 2, BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT: 3,
  BROTLI_DECODER_PARAM_DISABLE_RING_BUFFER_REALLOCATION: 0, BROTLI_DECODER_PARAM_LARGE_WINDOW: 1,
  BROTLI_DECODER_NO_ERROR: 0, BROTLI_DECODER_SUCCESS: 1, BROTLI_DECODER_NEEDS_MORE_INPUT: 2,
  BROTLI_DECODER_NEEDS_MORE_OUTPUT: 3,
  BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_NIBBLE: -1, BROTLI_DECODER_ERROR_FORMAT_RESERVED: -2,
  BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_META_NIBBLE: -3,
  BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_ALPHABET: -4,
  BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_SAME: -5, BROTLI_DECODER_ERROR_FORMAT_CL_SPACE: -6,
  BROTLI_DECODER_ERROR_FORMAT_HUFFMAN_SPACE: -7, BROTLI_DECODER_ERROR_FORMAT_CONTEXT_MAP_REPEAT: -8,
  BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_1: -9, BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_2: -10,
  BROTLI_DECODER_ERROR_FORMAT_TRANSFORM: -11, BROTLI_DECODER_ERROR_FORMAT_DICTIONARY: -12,
  BROTLI_DECODER_ERROR_FORMAT_WINDOW_BITS: -13, BROTLI_DECODER_ERROR_FORMAT_PADDING_1: -14,
  BROTLI_DECODER_ERROR_FORMAT_PADDING_2: -15, BROTLI_DECODER_ERROR_FORMAT_DISTANCE: -16,
  BROTLI_DECODER_ERROR_DICTIONARY_NOT_SET: -19, BROTLI_DECODER_ERROR_INVALID_ARGUMENTS: -20,
  BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MODES: -21, BROTLI_DECODER_ERROR_ALLOC_TREE_GROUPS: -22,
  BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MAP: -25, BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_1: -26,
  BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_2: -27, BROTLI_DECODER_ERROR_ALLOC_BLOCK_TYPE_TREES: -30,
  BROTLI_DECODER_ERROR_UNREACHABLE: -31,
};

const codes = {
  Z_OK: 0, Z_STREAM_END: 1, Z_NEED_DICT: 2, Z_ERRNO: -1, Z_STREAM_ERROR: -2, Z_DATA_ERROR: -3,
  Z_MEM_ERROR: -4, Z_BUF_ERROR: -5, Z_VERSION_ERROR: -6,
};
for (const name of Object.keys(codes)) codes[codes[name]] = name;
Object.freeze(codes);

// buffer.constants.MAX_LENGTH in node 20 (64-bit).
const kMaxLength = 2 ** 32;

// brotliCode names a brotli decoder error as node does: the constant's
// name without "BROTLI_DECODER", after "ERR_".
function brotliCode(errno) {
  for (const name of Object.keys(constants)) {
    if (name.startsWith('BROTLI_DECODER_ERROR_') && constants[name] === errno) {
      return `ERR_${name.slice('BROTLI_DECODER'.length)}`;
    }
  }
  return 'ERR__ERROR_UNREACHABLE';
}

// checkRange is node's checkRangesOrGetDefault: undefined and NaN mean the
// default, anything else must be a finite number in [lower, upper].
function checkRange(value, name, lower, upper, def) {
  if (value === undefined || Number.isNaN(value)) return def;
  if (typeof value !== 'number') throw invalidArgType(name, 'number', value);
  if (!Number.isFinite(value)) throw outOfRange(name, 'a finite number', value);
  if (value < lower || value > upper) {
    throw outOfRange(name, upper === Infinity ? `>= ${lower}` : `>= ${lower} and <= ${upper}`, value);
  }
  return value;
}

function checkDictionary(dict) {
  if (dict === undefined) return undefined;
  if (ArrayBuffer.isView(dict)) return dict;
  if (dict instanceof ArrayBuffer) return new Uint8Array(dict);
  throw invalidArgType('options.dictionary', ['Buffer', 'TypedArray', 'DataView', 'ArrayBuffer'], dict);
}

// zlibOptions checks a deflate/inflate/gzip options object as node's Zlib
// constructor does.
function zlibOptions(mode, opts) {
  checkRange(opts.chunkSize, 'options.chunkSize', 64, Infinity, 16384);
  const inflating = mode === constants.INFLATE || mode === constants.GUNZIP || mode === constants.UNZIP;
  let windowBits;
  if (inflating && opts.windowBits === 0) windowBits = 0;
  else windowBits = checkRange(opts.windowBits, 'options.windowBits', 8, 15, 15);
  checkRange(opts.memLevel, 'options.memLevel', 1, 9, 8);
  checkRange(opts.strategy, 'options.strategy', 0, 4, 0);
  return {
    level: checkRange(opts.level, 'options.level', -1, 9, -1),
    windowBits,
    dictionary: checkDictionary(opts.dictionary),
    maxOutputLength: checkRange(opts.maxOutputLength, 'options.maxOutputLength', 1, kMaxLength, kMaxLength),
    quality: 0,
    lgwin: 0,
  };
}

// brotliOptions reads params keyed by BROTLI_PARAM_* as node's Brotli
// constructor does (quality and window size reach the encoder; mode, size
// hint and block size are accepted and ignored).
function brotliOptions(opts) {
  checkRange(opts.chunkSize, 'options.chunkSize', 64, Infinity, 16384);
  const out = {
    level: 0, windowBits: 0,
    quality: constants.BROTLI_DEFAULT_QUALITY, lgwin: constants.BROTLI_DEFAULT_WINDOW,
    maxOutputLength: checkRange(opts.maxOutputLength, 'options.maxOutputLength', 1, kMaxLength, kMaxLength),
  };
  const params = opts.params;
  if (params !== undefined && params !== null) {
    for (const key of Object.keys(params)) {
      const id = +key;
      if (Number.isNaN(id) || id < 0 || id > 8) {
        throw makeNodeError(RangeError, 'ERR_BROTLI_INVALID_PARAM', `${key} is not a valid Brotli parameter`);
      }
      let value = params[key];
      if (typeof value !== 'number' && typeof value !== 'boolean') {
        throw invalidArgType('options.params[key]', 'number', value);
      }
      value = +value;
      if (id === constants.BROTLI_PARAM_QUALITY) {
        out.quality = Math.min(Math.max(value, constants.BROTLI_MIN_QUALITY), constants.BROTLI_MAX_QUALITY);
      } else if (id === constants.BROTLI_PARAM_LGWIN) {
        if (value < constants.BROTLI_MIN_WINDOW_BITS || value > constants.BROTLI_MAX_WINDOW_BITS) {
          throw makeNodeError(Error, 'ERR_ZLIB_INITIALIZATION_FAILED', 'Initialization failed');
        }
        out.lgwin = value;
      }
    }
  }
  return out;
}

function optionsFor(mode, opts) {
  if (opts === null || typeof opts !== 'object') opts = {};
  return mode === constants.BROTLI_ENCODE || mode === constants.BROTLI_DECODE ?
    brotliOptions(opts) : zlibOptions(mode, opts);
}

function toInput(buffer) {
  if (typeof buffer === 'string') return Buffer.from(buffer);
  if (ArrayBuffer.isView(buffer)) return buffer;
  if (buffer instanceof ArrayBuffer || (typeof SharedArrayBuffer === 'function' && buffer instanceof SharedArrayBuffer)) {
    return new Uint8Array(buffer);
  }
  throw invalidArgType('buffer', 'string or an instance of Buffer, TypedArray, DataView, or ArrayBuffer', buffer);
}

// run returns [error, result] for one operation on checked input.
function run(mode, input, o) {
  const r = internal.process(mode, input, o);
  if (r instanceof ArrayBuffer) return [null, Buffer.from(r)];
  if (r.tooLarge) {
    return [makeNodeError(RangeError, 'ERR_BUFFER_TOO_LARGE',
      `Cannot create a Buffer larger than ${o.maxOutputLength} bytes`), undefined];
  }
  const err = new Error(r.message);
  err.errno = r.errno;
  err.code = r.code || brotliCode(r.errno);
  return [err, undefined];
}

function syncForm(mode) {
  return function (buffer, opts) {
    const input = toInput(buffer);
    const [err, out] = run(mode, input, optionsFor(mode, opts));
    if (err) throw err;
    return out;
  };
}

function later(fn) { setImmediate(fn); }

function callbackForm(mode) {
  return function (buffer, opts, callback) {
    if (typeof opts === 'function') {
      callback = opts;
      opts = {};
    }
    errors.validateFunction(callback, 'callback');
    const input = toInput(buffer);
    const o = optionsFor(mode, opts);
    later(() => {
      const [err, out] = run(mode, input, o);
      if (err) callback(err);
      else callback(null, out);
    });
  };
}

function crc32(data, value = 0) {
  if (typeof data !== 'string' && !ArrayBuffer.isView(data)) {
    throw invalidArgType('data', 'string or an instance of Buffer, TypedArray, or DataView', data);
  }
  if (typeof value !== 'number') throw invalidArgType('value', 'number', value);
  if (!Number.isInteger(value)) throw outOfRange('value', 'an integer', value);
  if (value < 0 || value > 0xffffffff) throw outOfRange('value', '>= 0 && <= 4294967295', value);
  return internal.crc32(typeof data === 'string' ? Buffer.from(data) : data, value);
}

// The stream forms: Transforms over an incremental Go compressor
// (internal.encoder) or, to decompress, over the whole-buffer codec run
// when the input ends (so every error keeps zlib's exact message; output
// then comes at the end, in chunkSize pieces as node emits it). Work is
// done in a setImmediate, as node does it on its thread pool: 'data' never
// comes from inside write().
const kFlushFlag = Symbol('kFlushFlag');
const kFlushBuffers = [];
for (let kind = 0; kind <= 5; kind++) {
  kFlushBuffers[kind] = Buffer.alloc(0);
  kFlushBuffers[kind][kFlushFlag] = kind;
}


function decoding(mode) {
  return mode !== constants.DEFLATE && mode !== constants.GZIP &&
    mode !== constants.DEFLATERAW && mode !== constants.BROTLI_ENCODE;
}

// flushKind maps node's flush flags onto the encoder's none/sync/finish.
function flushKind(mode, flag) {
  if (mode === constants.BROTLI_ENCODE || mode === constants.BROTLI_DECODE) return flag === 2 ? 2 : flag === 1 ? 1 : 0;
  if (flag === constants.Z_FINISH) return 2;
  return flag === constants.Z_NO_FLUSH ? 0 : 1;
}

function ZlibBase(mode, opts) {
  const o = optionsFor(mode, opts);
  opts = opts !== null && typeof opts === 'object' ? opts : {};
  let finishFlush = mode === constants.BROTLI_ENCODE || mode === constants.BROTLI_DECODE ?
    constants.BROTLI_OPERATION_FINISH : constants.Z_FINISH;
  if (opts.finishFlush !== undefined) finishFlush = opts.finishFlush;
  Transform.call(this, { autoDestroy: true, ...opts });
  this._mode = mode;
  this._opts = o;
  this._chunkSize = checkRange(opts.chunkSize, 'options.chunkSize', 64, Infinity, 16384);
  this._finishFlushFlag = finishFlush;
  this._defaultFullFlushFlag = mode === constants.BROTLI_ENCODE || mode === constants.BROTLI_DECODE ?
    constants.BROTLI_OPERATION_FLUSH : constants.Z_FULL_FLUSH;
  this._level = o.level;
  this._strategy = opts.strategy === undefined ? 0 : opts.strategy;
  this.bytesWritten = 0;
  this._handle = {};
  this._reset();
}

Object.setPrototypeOf(ZlibBase.prototype, Transform.prototype);
Object.setPrototypeOf(ZlibBase, Transform);

ZlibBase.prototype._reset = function () {
  if (decoding(this._mode)) {
    this._input = [];
    this._enc = null;
  } else {
    this._enc = internal.encoder(this._mode, this._opts);
  }
};

ZlibBase.prototype.reset = function () { this._reset(); };

Object.defineProperty(ZlibBase.prototype, '_closed', {
  configurable: true, enumerable: true, get() { return this.destroyed; },
});

ZlibBase.prototype.close = function (callback) {
  if (callback) finished(this, callback);
  this.destroy();
};

ZlibBase.prototype.flush = function (kind, callback) {
  if (typeof kind === 'function' || (kind === undefined && !callback)) {
    callback = kind;
    kind = this._defaultFullFlushFlag;
  }
  if (this.writableFinished) {
    if (callback) process.nextTick(callback);
  } else if (this.writableEnded) {
    if (callback) this.once('end', callback);
  } else {
    this.write(kFlushBuffers[kind] || kFlushBuffers[0], '', callback);
  }
};

// _pushOut pushes bytes in chunkSize pieces, as node's zlib emits them.
ZlibBase.prototype._pushOut = function (ab) {
  const out = Buffer.from(ab);
  for (let i = 0; i < out.length; i += this._chunkSize) {
    this.push(out.subarray(i, Math.min(out.length, i + this._chunkSize)));
  }
};

// _work runs one chunk with its flush flag; last says the input ends
// with it (a decompressor then decodes what it gathered, whatever
// finishFlush is).
ZlibBase.prototype._work = function (chunk, flag, last, cb) {
  setImmediate(() => {
    if (this.destroyed) return;
    if (this._enc) {
      this._pushOut(this._enc.write(chunk, flushKind(this._mode, flag)));
      cb();
      return;
    }
    if (chunk.length) this._input.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    if (!last) { cb(this._headerError()); return; }
    const [err, out] = run(this._mode, Buffer.concat(this._input), this._opts);
    this._input = [];
    if (err) { cb(err); return; }
    this._pushOut(out);
    cb();
  });
};

ZlibBase.prototype._transform = function (chunk, encoding, cb) {
  if (typeof chunk === 'string') chunk = Buffer.from(chunk, encoding);
  else if (!ArrayBuffer.isView(chunk)) {
    cb(invalidArgType('chunk', ['Buffer', 'TypedArray', 'DataView'], chunk));
    return;
  }
  this.bytesWritten += chunk.byteLength;
  let flag = chunk[kFlushFlag];
  const ws = this._writableState;
  const last = flag === undefined && (ws.ending || ws.ended) && ws.length === chunk.byteLength;
  if (last) flag = this._finishFlushFlag;
  else if (flag === undefined) flag = 0;
  if (last) this._finished = true;
  this._work(chunk, flag, last, cb);
};

ZlibBase.prototype._flush = function (cb) {
  if (this._finished) { cb(); return; }
  this._finished = true;
  this._work(Buffer.alloc(0), this._finishFlushFlag, true, cb);
};

// _headerError fails a decompressing stream on a bad zlib or gzip header as
// soon as it has been written, as node does, rather than at the end.
ZlibBase.prototype._headerError = function () {
  if (this._headerChecked) return null;
  const head = Buffer.concat(this._input);
  if (head.length < 3) return null;
  this._headerChecked = true;
  let mode = this._mode;
  if (mode === constants.UNZIP) mode = head[0] === 0x1f && head[1] === 0x8b ? constants.GUNZIP : constants.INFLATE;
  let bad = false;
  if (mode === constants.GUNZIP) bad = head[0] !== 0x1f || head[1] !== 0x8b || head[2] !== 8;
  else if (mode === constants.INFLATE) bad = ((head[0] << 8) | head[1]) % 31 !== 0 || (head[0] & 0x0f) !== 8;
  return bad ? run(mode, head, this._opts)[0] : null;
};

function paramsAfterFlush(level, strategy, callback) {
  if (this._enc) this._pushOut(this._enc.params(level));
  this._level = level;
  this._strategy = strategy;
  if (callback) callback();
}

function zlibParams(level, strategy, callback) {
  checkRange(level, 'level', -1, 9, -1);
  checkRange(strategy, 'strategy', 0, 4, 0);
  if (this._level !== level || this._strategy !== strategy) {
    this.flush(constants.Z_SYNC_FLUSH, paramsAfterFlush.bind(this, level, strategy, callback));
  } else {
    process.nextTick(callback);
  }
}

// streamClass makes one of node's nine classes: callable without new, as
// node's are, with params() on the zlib ones.
function streamClass(name, mode) {
  const cls = {
    [name]: function (opts) {
      if (!(this instanceof cls)) return new cls(opts);
      ZlibBase.call(this, mode, opts);
    },
  }[name];
  Object.setPrototypeOf(cls.prototype, ZlibBase.prototype);
  Object.setPrototypeOf(cls, ZlibBase);
  if (mode !== constants.BROTLI_ENCODE && mode !== constants.BROTLI_DECODE) cls.prototype.params = zlibParams;
  return cls;
}

const forms = [
  ['Deflate', 'deflate', constants.DEFLATE],
  ['Inflate', 'inflate', constants.INFLATE],
  ['Gzip', 'gzip', constants.GZIP],
  ['Gunzip', 'gunzip', constants.GUNZIP],
  ['DeflateRaw', 'deflateRaw', constants.DEFLATERAW],
  ['InflateRaw', 'inflateRaw', constants.INFLATERAW],
  ['Unzip', 'unzip', constants.UNZIP],
  ['BrotliCompress', 'brotliCompress', constants.BROTLI_ENCODE],
  ['BrotliDecompress', 'brotliDecompress', constants.BROTLI_DECODE],
];

// Exports in node's order: crc32, the classes, the function pairs in
// node's order, the create* functions, constants, codes.
exports.crc32 = crc32;
for (const [cls, , mode] of forms) exports[cls] = streamClass(cls, mode);
const order = ['deflate', 'gzip', 'deflateRaw', 'unzip', 'inflate', 'gunzip', 'inflateRaw',
  'brotliCompress', 'brotliDecompress'];
for (const fn of order) {
  const mode = forms.find((f) => f[1] === fn)[2];
  exports[fn] = Object.defineProperty(callbackForm(mode), 'name', { value: fn });
  exports[`${fn}Sync`] = Object.defineProperty(syncForm(mode), 'name', { value: 'syncBufferWrapper' });
}
const createOrder = ['Deflate', 'Inflate', 'DeflateRaw', 'InflateRaw', 'Gzip', 'Gunzip', 'Unzip',
  'BrotliCompress', 'BrotliDecompress'];
for (const cls of createOrder) {
  const Cls = exports[cls];
  exports[`create${cls}`] = Object.defineProperty(function (opts) { return new Cls(opts); }, 'name', { value: `create${cls}` });
}
exports.constants = constants;
exports.codes = codes;
// The pre-v7 constants stay on the module itself, not enumerable, as in node.
for (const name of Object.keys(constants)) {
  if (name.startsWith('BROTLI')) continue;
  Object.defineProperty(exports, name, { value: constants[name], enumerable: false, writable: false });
}
