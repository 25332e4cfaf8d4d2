'use strict';
// node's 'util' module. inspect/format live in inspect.js, the brand checks in
// types.js and deep equality in comparisons.js.

const { inspect } = require('internal/inspect');
const { format, formatWithOptions } = require('internal/util/format');
const typesAll = require('internal/types');
const { isDeepStrictEqual } = require('internal/comparisons');
const errors = require('internal/errors');

const types = {};
for (const k of Object.keys(typesAll)) {
  if (k !== 'typedArrayName') types[k] = typesAll[k];
}

const kCustomPromisify = Symbol.for('nodejs.util.promisify.custom');
const kCustomPromisifyArgs = Symbol('customPromisifyArgs');

function promisify(original) {
  errors.validateFunction(original, 'original');
  if (original[kCustomPromisify]) {
    const fn = original[kCustomPromisify];
    errors.validateFunction(fn, 'util.promisify.custom');
    return Object.defineProperty(fn, kCustomPromisify, {
      value: fn, enumerable: false, writable: false, configurable: true,
    });
  }
  const argumentNames = original[kCustomPromisifyArgs];
  function fn(...args) {
    return new Promise((resolve, reject) => {
      args.push((err, ...values) => {
        if (err) return reject(err);
        if (argumentNames !== undefined && values.length > 1) {
          const obj = {};
          for (let i = 0; i < argumentNames.length; i++) obj[argumentNames[i]] = values[i];
          resolve(obj);
        } else {
          resolve(values[0]);
        }
      });
      Reflect.apply(original, this, args);
    });
  }
  Object.setPrototypeOf(fn, Object.getPrototypeOf(original));
  Object.defineProperty(fn, kCustomPromisify, {
    value: fn, enumerable: false, writable: false, configurable: true,
  });
  const descriptors = Object.getOwnPropertyDescriptors(original);
  for (const k of Reflect.ownKeys(descriptors)) {
    if (k === 'length' || k === 'name' || k === 'prototype') continue;
    try { Object.defineProperty(fn, k, descriptors[k]); } catch (e) { /* non-configurable */ }
  }
  return fn;
}
promisify.custom = kCustomPromisify;

function callbackify(original) {
  errors.validateFunction(original, 'original');
  function callbackified(...args) {
    const cb = args.pop();
    errors.validateFunction(cb, 'last argument');
    // node delivers on process.nextTick, before timers and immediates.
    const later = typeof process === 'object' && process && typeof process.nextTick === 'function' ?
      (f) => process.nextTick(f) : queueMicrotask;
    const onOk = (ret) => later(() => cb(null, ret));
    const onErr = (rej) => {
      if (!rej) {
        const err = errors.makeNodeError(Error, 'ERR_FALSY_VALUE_REJECTION', 'Promise was rejected with falsy value');
        err.reason = rej;
        rej = err;
      }
      later(() => cb(rej));
    };
    Reflect.apply(original, this, args).then(onOk, onErr);
  }
  Object.setPrototypeOf(callbackified, Object.getPrototypeOf(original));
  return callbackified;
}

function inherits(ctor, superCtor) {
  if (ctor === undefined || ctor === null) throw errors.invalidArgType('ctor', 'function', ctor);
  if (superCtor === undefined || superCtor === null) throw errors.invalidArgType('superCtor', 'function', superCtor);
  if (superCtor.prototype === undefined) {
    throw errors.invalidArgType('superCtor.prototype', 'object', superCtor.prototype);
  }
  Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

const deprecationsSeen = new Set();
function deprecate(fn, msg, code) {
  if (typeof fn !== 'function') throw errors.invalidArgType('fn', 'function', fn);
  let warned = false;
  function deprecated(...args) {
    const noDep = typeof process === 'object' && process !== null && process.noDeprecation;
    if (!warned && !noDep) {
      warned = true;
      if (code === undefined || !deprecationsSeen.has(code)) {
        if (code !== undefined) deprecationsSeen.add(code);
        emitDeprecation(msg, code);
      }
    }
    if (new.target) return Reflect.construct(fn, args, new.target);
    return Reflect.apply(fn, this, args);
  }
  Object.setPrototypeOf(deprecated, fn);
  if (fn.prototype) deprecated.prototype = fn.prototype;
  return deprecated;
}

// node prints "(node:PID) [CODE] DeprecationWarning: msg" plus a hint line on
// stderr; we go through process.emitWarning when the host provides it.
function emitDeprecation(msg, code) {
  if (typeof process === 'object' && process !== null && typeof process.emitWarning === 'function') {
    process.emitWarning(msg, 'DeprecationWarning', code);
    return;
  }
  if (typeof console === 'object' && typeof console.error === 'function') {
    const pid = typeof process === 'object' && process ? process.pid : 0;
    console.error(`(node:${pid}) ${code ? `[${code}] ` : ''}DeprecationWarning: ${msg}\n` +
      '(Use `node --trace-deprecation ...` to show where the warning was created)');
  }
}

function debuglog(set) {
  const env = typeof process === 'object' && process && process.env ? process.env.NODE_DEBUG || '' : '';
  const enabled = env.split(/[\s,]+/).some((s) => s && (s === '*' || s.toUpperCase() === String(set).toUpperCase()));
  const fn = enabled ? (...args) => {
    const pid = typeof process === 'object' && process ? process.pid : 0;
    console.error('%s %d: %s', String(set).toUpperCase(), pid, format(...args));
  } : () => {};
  fn.enabled = enabled;
  return fn;
}

class TextEncoder {
  get encoding() { return 'utf-8'; }
  encode(input = '') {
    return new Uint8Array(internal.encodeUTF8(`${input}`));
  }
  encodeInto(src, dest) {
    const bytes = this.encode(src);
    let read = 0;
    let written = 0;
    // Copy whole characters only, as the spec requires.
    const s = `${src}`;
    for (let i = 0; i < s.length; i++) {
      const c = s.codePointAt(i);
      const n = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
      if (written + n > dest.length) break;
      for (let j = 0; j < n; j++) dest[written + j] = bytes[written + j];
      written += n;
      read += c >= 0x10000 ? 2 : 1;
      if (c >= 0x10000) i++;
    }
    return { read, written };
  }
  // node prints a plain object here (its stand-in prototype fails the
  // instanceof check in getConstructorName).
  [inspect.custom](depth, opts) {
    if (typeof depth === 'number' && depth < 0) return this;
    return inspect({ encoding: this.encoding }, opts);
  }
}

const utf8Labels = new Set(['unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'utf-8', 'utf8', 'x-unicode20utf8']);
class TextDecoder {
  #fatal;
  #ignoreBOM;
  #encoding;
  #pending;
  constructor(encoding = 'utf-8', options = {}) {
    const enc = `${encoding}`.trim().toLowerCase();
    if (utf8Labels.has(enc)) this.#encoding = 'utf-8';
    else if (enc === 'utf-16le' || enc === 'utf-16') this.#encoding = 'utf-16le';
    else if (enc === 'latin1' || enc === 'iso-8859-1' || enc === 'ascii' || enc === 'us-ascii' || enc === 'windows-1252') this.#encoding = 'windows-1252';
    else {
      throw errors.makeNodeError(RangeError, 'ERR_ENCODING_NOT_SUPPORTED', `The "${encoding}" encoding is not supported`);
    }
    this.#fatal = Boolean(options && options.fatal);
    this.#ignoreBOM = Boolean(options && options.ignoreBOM);
    this.#pending = null;
  }
  get encoding() { return this.#encoding; }
  [inspect.custom](depth, opts) {
    if (typeof depth === 'number' && depth < 0) return this;
    const state = { encoding: this.#encoding, fatal: this.#fatal, ignoreBOM: this.#ignoreBOM };
    return `TextDecoder ${inspect(state, opts)}`;
  }
  get fatal() { return this.#fatal; }
  get ignoreBOM() { return this.#ignoreBOM; }
  decode(input = new Uint8Array(0), options = {}) {
    let bytes;
    if (types.isAnyArrayBuffer(input)) bytes = new Uint8Array(input);
    else if (ArrayBuffer.isView(input)) bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    else {
      throw errors.invalidArgType('input', 'an instance of ArrayBuffer or ArrayBufferView', input);
    }
    const stream = Boolean(options && options.stream);
    if (this.#pending) {
      const joined = new Uint8Array(this.#pending.length + bytes.length);
      joined.set(this.#pending);
      joined.set(bytes, this.#pending.length);
      bytes = joined;
      this.#pending = null;
    }
    if (this.#encoding === 'utf-8') {
      if (stream) {
        const cut = incompleteTail(bytes);
        if (cut > 0) {
          this.#pending = bytes.slice(bytes.length - cut);
          bytes = bytes.subarray(0, bytes.length - cut);
        }
      }
      let s = internal.decodeUTF8(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      if (this.#fatal && s.includes('\ufffd') && !validUTF8Replacement(bytes)) {
        throw errors.makeNodeError(TypeError, 'ERR_ENCODING_INVALID_ENCODED_DATA', 'The encoded data was not valid for encoding utf-8');
      }
      if (!this.#ignoreBOM && s.charCodeAt(0) === 0xfeff) s = s.slice(1);
      return s;
    }
    if (this.#encoding === 'utf-16le') {
      let s = '';
      for (let i = 0; i + 1 < bytes.length; i += 2) s += String.fromCharCode(bytes[i] | (bytes[i + 1] << 8));
      if (!this.#ignoreBOM && s.charCodeAt(0) === 0xfeff) s = s.slice(1);
      return s;
    }
    let s = '';
    for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
    return s;
  }
}

// Bytes at the end of a streamed chunk that start an unfinished sequence.
function incompleteTail(bytes) {
  const n = bytes.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const c = bytes[n - back];
    if ((c & 0xc0) === 0x80) continue;
    const need = c >= 0xf0 && c <= 0xf4 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

// True when every U+FFFD in the decoded text came from a literal EF BF BD.
function validUTF8Replacement(bytes) {
  const s = internal.decodeUTF8(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = s.split('\ufffd').length - 1;
  let literal = 0;
  for (let i = 0; i + 2 < bytes.length; i++) {
    if (bytes[i] === 0xef && bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) literal++;
  }
  return count === literal;
}

function isError(e) { return types.isNativeError(e) || e instanceof Error; }

function stripVTControlCharacters(str) {
  errors.validateString(str, 'str');
  // eslint-disable-next-line no-control-regex
  return str.replace(/[\u001B\u009B][[\]()#;?]*(?:(?:(?:(?:;[-a-zA-Z\d/#&.:=?%@~_]+)*|[a-zA-Z\d]+(?:;[-a-zA-Z\d/#&.:=?%@~_]*)*)?\u0007)|(?:(?:\d{1,4}(?:;\d{0,4})*)?[\dA-PR-TZcf-ntqry=><~]))/g, '');
}

function toUSVString(s) {
  return `${s}`.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

// styleText colours only for a terminal when given one format name (node
// 20 checks process.stdout then), always for an array of names.
function styleText(format, text) {
  errors.validateString(text, 'text');
  const formats = Array.isArray(format) ? format : [format];
  let left = '';
  let right = '';
  for (const key of formats) {
    const code = inspect.colors[key];
    if (code === undefined) {
      const names = Object.keys(inspect.colors).map((k) => `'${k}'`).join(', ');
      throw errors.invalidArgValue('format', key, `must be one of: ${names}`);
    }
    left += `\u001b[${code[0]}m`;
    right = `\u001b[${code[1]}m${right}`;
  }
  if (!Array.isArray(format) && !shouldColorize()) return text;
  return `${left}${text}${right}`;
}

function shouldColorize() {
  const env = typeof process === 'object' && process && process.env ? process.env : {};
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (env.NO_COLOR !== undefined || env.NODE_DISABLE_COLORS !== undefined) return false;
  const out = typeof process === 'object' && process ? process.stdout : undefined;
  return Boolean(out && out.isTTY);
}

function getSystemErrorName(err) {
  if (typeof err !== 'number') throw errors.invalidArgType('err', 'number', err);
  if (err >= 0 || !Number.isSafeInteger(err)) {
    throw errors.outOfRange('err', 'a negative integer', err);
  }
  const errno = require('os').constants.errno;
  for (const name of Object.keys(errno)) {
    if (errno[name] === -err) return name;
  }
  return `Unknown system error ${err}`;
}

function getSystemErrorMap() {
  const errno = require('os').constants.errno;
  const map = new Map();
  for (const name of Object.keys(errno)) {
    if (!map.has(-errno[name])) map.set(-errno[name], [name, systemErrorMessages[name] || name]);
  }
  return map;
}

// libuv's messages for the errors scripts meet most.
const systemErrorMessages = {
  E2BIG: 'argument list too long', EACCES: 'permission denied', EADDRINUSE: 'address already in use',
  EAGAIN: 'resource temporarily unavailable', EBADF: 'bad file descriptor', EBUSY: 'resource busy or locked',
  ECANCELED: 'operation canceled', ECONNREFUSED: 'connection refused', ECONNRESET: 'connection reset by peer',
  EEXIST: 'file already exists', EFBIG: 'file too large', EINTR: 'interrupted system call',
  EINVAL: 'invalid argument', EIO: 'i/o error', EISDIR: 'illegal operation on a directory',
  ELOOP: 'too many symbolic links encountered', EMFILE: 'too many open files', ENAMETOOLONG: 'name too long',
  ENOENT: 'no such file or directory', ENOMEM: 'not enough memory', ENOSPC: 'no space left on device',
  ENOSYS: 'function not implemented', ENOTDIR: 'not a directory', ENOTEMPTY: 'directory not empty',
  ENOTSUP: 'operation not supported on socket', EPERM: 'operation not permitted', EPIPE: 'broken pipe',
  EROFS: 'read-only file system', ESPIPE: 'invalid seek', ESRCH: 'no such process',
  ETIMEDOUT: 'connection timed out', EXDEV: 'cross-device link not permitted',
};

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function log(...args) {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  console.log('%s - %s', `${d.getDate()} ${months[d.getMonth()]} ${time}`, format(...args));
}

function extend(target, source) {
  if (source === null || typeof source !== 'object') return target;
  for (const key of Object.keys(source)) target[key] = source[key];
  return target;
}

function aborted(signal, resource) {
  if (signal === undefined || signal === null || typeof signal !== 'object' || !('aborted' in signal)) {
    throw errors.invalidArgType('signal', 'an instance of AbortSignal', signal);
  }
  if (resource === null || (typeof resource !== 'object' && typeof resource !== 'function')) {
    throw errors.invalidArgType('resource', 'object', resource);
  }
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

module.exports = {
  format,
  parseArgs: require('internal/util/parse_args'),
  styleText,
  getSystemErrorName,
  getSystemErrorMap,
  log,
  _extend: extend,
  aborted,
  isBuffer: (v) => {
    const B = typeof Buffer === 'function' ? Buffer : require('buffer').Buffer;
    return v instanceof B;
  },
  formatWithOptions,
  inspect,
  isDeepStrictEqual,
  promisify,
  callbackify,
  inherits,
  deprecate,
  debuglog,
  debug: debuglog,
  types,
  TextEncoder,
  TextDecoder,
  stripVTControlCharacters,
  toUSVString,
  isArray: Array.isArray,
  isBoolean: (v) => typeof v === 'boolean',
  isNull: (v) => v === null,
  isNullOrUndefined: (v) => v === null || v === undefined,
  isNumber: (v) => typeof v === 'number',
  isString: (v) => typeof v === 'string',
  isSymbol: (v) => typeof v === 'symbol',
  isUndefined: (v) => v === undefined,
  isRegExp: types.isRegExp,
  isObject: (v) => v !== null && typeof v === 'object',
  isDate: types.isDate,
  isError,
  isFunction: (v) => typeof v === 'function',
  isPrimitive: (v) => v === null || (typeof v !== 'object' && typeof v !== 'function'),
};
