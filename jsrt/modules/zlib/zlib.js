'use strict';
// node's 'zlib': whole-buffer compression and decompression (sync, callback
// and so util.promisify forms) over the Go codecs in internal.process, with
// node 20's option checks and error shapes. See zlib.go for what differs.

const { Buffer } = require('buffer');
const errors = require('internal/errors');
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

// The stream classes wait for a 'stream' module; until then making one
// fails with a clear error instead of a missing function.
function streamClass(name) {
  const cls = {
    [name]: class {
      constructor() {
        throw makeNodeError(Error, 'ERR_METHOD_NOT_IMPLEMENTED',
          `The zlib.${name} stream is not implemented: ebbnode has no 'stream' module yet (use zlib.${name[0].toLowerCase()}${name.slice(1)}Sync or the callback form)`);
      }
    },
  }[name];
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
for (const [cls] of forms) exports[cls] = streamClass(cls);
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
