'use strict';
// node's 'crypto' for what scripts use most: hashes, HMACs, random values.

const { Buffer } = require('buffer');
const errors = require('internal/errors');
const { invalidArgType, outOfRange, makeNodeError } = errors;
const customInspect = Symbol.for('nodejs.util.inspect.custom');
const LazyTransform = require('internal/streams/lazy_transform');

function plainError(Ctor, message, code) {
  const err = new Ctor(message);
  if (code !== undefined) err.code = code;
  return err;
}

function toBytes(data, encoding, name) {
  if (typeof data === 'string') return Buffer.from(data, encoding === 'buffer' ? 'utf8' : encoding);
  if (ArrayBuffer.isView(data)) return data;
  throw invalidArgType(name, 'string or an instance of Buffer, TypedArray, or DataView', data);
}

function output(ab, encoding) {
  const buf = Buffer.from(ab);
  if (encoding === undefined || encoding === 'buffer') return buf;
  return Buffer.isEncoding(encoding) ? buf.toString(encoding) : buf;
}

// kCopy marks the handle Hash#copy passes to the constructor.
const kCopy = Symbol('kCopy');

class Hash extends LazyTransform {
  #h;
  #finalized = false;
  constructor(algorithm, options) {
    super(options);
    if (algorithm !== null && typeof algorithm === 'object' && algorithm[kCopy]) {
      this.#h = algorithm[kCopy];
      return;
    }
    if (typeof algorithm !== 'string') throw invalidArgType('algorithm', 'string', algorithm);
    this.#h = internal.newHash(algorithm);
    if (this.#h === null) throw plainError(Error, 'Digest method not supported');
  }
  update(data, encoding) {
    if (this.#finalized) throw makeNodeError(Error, 'ERR_CRYPTO_HASH_FINALIZED', 'Digest already called');
    this.#h.update(toBytes(data, encoding, 'data'));
    return this;
  }
  digest(encoding) {
    if (this.#finalized) throw makeNodeError(Error, 'ERR_CRYPTO_HASH_FINALIZED', 'Digest already called');
    this.#finalized = true;
    return output(this.#h.digest(), encoding);
  }
  copy(options) {
    if (this.#finalized) throw makeNodeError(Error, 'ERR_CRYPTO_HASH_FINALIZED', 'Digest already called');
    return new Hash({ [kCopy]: this.#h.copy() }, options);
  }
  _transform(chunk, encoding, callback) {
    this.#h.update(toBytes(chunk, encoding, 'data'));
    callback();
  }
  _flush(callback) {
    this.push(Buffer.from(this.#h.digest()));
    callback();
  }
  [customInspect]() { return 'Hash {}'; }
}

class Hmac extends LazyTransform {
  #h;
  #finalized = false;
  constructor(hmac, key, options) {
    super(options);
    if (typeof hmac !== 'string') throw invalidArgType('hmac', 'string', hmac);
    // A KeyObject (createSecretKey; jsonwebtoken passes one) gives its bytes.
    if (key instanceof keys().KeyObject) {
      if (key.type !== 'secret') {
        throw makeNodeError(TypeError, 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE', `Invalid key object type ${key.type}, expected secret.`);
      }
      key = key.export();
    }
    if (typeof key !== 'string' && !ArrayBuffer.isView(key) &&
        !(key instanceof ArrayBuffer)) {
      throw invalidArgType('key', 'string or an instance of ArrayBuffer, Buffer, TypedArray, DataView, KeyObject, or CryptoKey', key);
    }
    const k = typeof key === 'string' ? Buffer.from(key) :
      (key instanceof ArrayBuffer ? new Uint8Array(key) : key);
    this.#h = internal.newHash(hmac, k);
    if (this.#h === null) throw plainError(TypeError, `Invalid digest: ${hmac}`, 'ERR_CRYPTO_INVALID_DIGEST');
  }
  update(data, encoding) {
    if (this.#finalized) throw makeNodeError(Error, 'ERR_CRYPTO_HASH_FINALIZED', 'Digest already called');
    this.#h.update(toBytes(data, encoding, 'data'));
    return this;
  }
  digest(encoding) {
    // node returns an empty result for a second digest() on an Hmac.
    if (this.#finalized) return output(new ArrayBuffer(0), encoding);
    this.#finalized = true;
    return output(this.#h.digest(), encoding);
  }
  _transform(chunk, encoding, callback) {
    this.#h.update(toBytes(chunk, encoding, 'data'));
    callback();
  }
  _flush(callback) {
    this.push(Buffer.from(this.#h.digest()));
    callback();
  }
  [customInspect]() { return 'Hmac {}'; }
}

function createHash(algorithm, options) { return new Hash(algorithm, options); }
function createHmac(hmac, key, options) { return new Hmac(hmac, key, options); }

function hash(algorithm, data, outputEncoding = 'hex') {
  if (typeof data !== 'string' && !ArrayBuffer.isView(data)) {
    throw invalidArgType('data', 'string or an instance of Buffer, TypedArray, or DataView', data);
  }
  return new Hash(algorithm).update(data).digest(outputEncoding);
}

const kMaxSize = 2 ** 31 - 1;

function later(fn) {
  if (typeof setImmediate === 'function') setImmediate(fn);
  else if (typeof process === 'object' && process && typeof process.nextTick === 'function') process.nextTick(fn);
  else queueMicrotask(fn);
}

function randomBytes(size, callback) {
  if (typeof size !== 'number') throw invalidArgType('size', 'number', size);
  if (!(size >= 0 && size <= kMaxSize)) throw outOfRange('size', `>= 0 && <= ${kMaxSize}`, size);
  if (callback !== undefined) errors.validateFunction(callback, 'callback');
  const buf = Buffer.alloc(size);
  internal.randomFill(buf, 0, size);
  if (callback === undefined) return buf;
  later(() => callback(null, buf));
}

function randomFillSync(buf, offset = 0, size) {
  if (!ArrayBuffer.isView(buf) && !(buf instanceof ArrayBuffer)) {
    throw invalidArgType('buf', 'an instance of ArrayBuffer or ArrayBufferView', buf);
  }
  const view = buf instanceof ArrayBuffer ? new Uint8Array(buf) :
    new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  const elem = buf.BYTES_PER_ELEMENT || 1;
  const off = offset * elem;
  const n = size === undefined ? view.length - off : size * elem;
  if (off < 0 || off > view.length) throw outOfRange('offset', `>= 0 && <= ${view.length}`, offset);
  if (n < 0 || off + n > view.length) throw outOfRange('size', `>= 0 && <= ${view.length - off}`, size);
  internal.randomFill(view, off, n);
  return buf;
}

function randomFill(buf, offset, size, callback) {
  if (typeof offset === 'function') { callback = offset; offset = 0; size = undefined; }
  else if (typeof size === 'function') { callback = size; size = undefined; }
  errors.validateFunction(callback, 'callback');
  randomFillSync(buf, offset, size);
  later(() => callback(null, buf));
}

function randomInt(min, max, callback) {
  if (typeof max === 'undefined' || typeof max === 'function') {
    callback = max;
    max = min;
    min = 0;
  }
  if (!Number.isSafeInteger(min)) throw invalidArgType('min', 'a safe integer', min);
  if (!Number.isSafeInteger(max)) throw invalidArgType('max', 'a safe integer', max);
  if (max <= min) {
    throw makeNodeError(RangeError, 'ERR_OUT_OF_RANGE',
      `The value of "max" is out of range. It must be greater than the value of "min" (${min}). Received ${max}`);
  }
  const range = max - min;
  if (range > 2 ** 48 - 1) {
    throw makeNodeError(RangeError, 'ERR_OUT_OF_RANGE',
      `The value of "max - min" is out of range. It must be <= 281474976710655. Received ${range}`);
  }
  // Rejection sampling over 48 random bits keeps the result unbiased.
  const limit = 2 ** 48 - (2 ** 48 % range);
  let x;
  do {
    const b = randomBytes(6);
    x = b.readUIntBE(0, 6);
  } while (x >= limit);
  const n = min + (x % range);
  if (callback === undefined) return n;
  errors.validateFunction(callback, 'callback');
  later(() => callback(null, n));
}

function randomUUID(options) { return internal.randomUUID(); }

function timingSafeEqual(a, b) {
  const isBytes = (v) => ArrayBuffer.isView(v) || v instanceof ArrayBuffer;
  if (!isBytes(a)) throw invalidArgType('buf1', 'an instance of ArrayBuffer, Buffer, TypedArray, or DataView', a);
  if (!isBytes(b)) throw invalidArgType('buf2', 'an instance of ArrayBuffer, Buffer, TypedArray, or DataView', b);
  const x = a instanceof ArrayBuffer ? new Uint8Array(a) : new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const y = b instanceof ArrayBuffer ? new Uint8Array(b) : new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  if (x.length !== y.length) {
    throw plainError(RangeError, 'Input buffers must have the same byte length', 'ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH');
  }
  return internal.timingSafeEqual(x, y);
}

function toKeyBytes(v, name) {
  if (typeof v === 'string') return Buffer.from(v);
  if (ArrayBuffer.isView(v)) return v;
  if (v instanceof ArrayBuffer) return new Uint8Array(v);
  throw invalidArgType(name, 'string or an instance of ArrayBuffer, Buffer, TypedArray, or DataView', v);
}

function pbkdf2Args(password, salt, iterations, keylen, digest) {
  const pw = toKeyBytes(password, 'password');
  const s = toKeyBytes(salt, 'salt');
  errors.validateInteger(iterations, 'iterations', 1, 2 ** 31 - 1);
  errors.validateInteger(keylen, 'keylen', 0, 2 ** 31 - 1);
  errors.validateString(digest, 'digest');
  return [pw, s];
}

function pbkdf2Sync(password, salt, iterations, keylen, digest) {
  const [pw, s] = pbkdf2Args(password, salt, iterations, keylen, digest);
  const ab = internal.pbkdf2(digest, pw, s, iterations, keylen);
  if (ab === null) throw plainError(TypeError, `Invalid digest: ${digest}`, 'ERR_CRYPTO_INVALID_DIGEST');
  return Buffer.from(ab);
}

function pbkdf2(password, salt, iterations, keylen, digest, callback) {
  if (typeof digest === 'function') {
    callback = digest;
    digest = undefined;
  }
  const [pw, s] = pbkdf2Args(password, salt, iterations, keylen, digest);
  errors.validateFunction(callback, 'callback');
  const ab = internal.pbkdf2(digest, pw, s, iterations, keylen);
  if (ab === null) throw plainError(TypeError, `Invalid digest: ${digest}`, 'ERR_CRYPTO_INVALID_DIGEST');
  const key = Buffer.from(ab);
  later(() => callback(null, key));
}

function hkdfArgs(digest, ikm, salt, info, keylen) {
  errors.validateString(digest, 'digest');
  const k = toKeyBytes(ikm, 'ikm');
  const s = toKeyBytes(salt, 'salt');
  const i = toKeyBytes(info, 'info');
  errors.validateInteger(keylen, 'length', 0, 2 ** 31 - 1);
  if (i.byteLength > 1024) {
    throw outOfRange('info', 'must not contain more than 1024 bytes', i.byteLength);
  }
  return [k, s, i];
}

function hkdfSync(digest, ikm, salt, info, keylen) {
  const [k, s, i] = hkdfArgs(digest, ikm, salt, info, keylen);
  const ab = internal.hkdf(digest, k, s, i, keylen);
  if (ab === null) throw plainError(TypeError, `Invalid digest: ${digest}`, 'ERR_CRYPTO_INVALID_DIGEST');
  return ab;
}

function hkdf(digest, ikm, salt, info, keylen, callback) {
  const [k, s, i] = hkdfArgs(digest, ikm, salt, info, keylen);
  errors.validateFunction(callback, 'callback');
  const ab = internal.hkdf(digest, k, s, i, keylen);
  if (ab === null) throw plainError(TypeError, `Invalid digest: ${digest}`, 'ERR_CRYPTO_INVALID_DIGEST');
  later(() => callback(null, ab));
}

function getRandomValues(data) {
  if (!ArrayBuffer.isView(data) || data instanceof Float32Array || data instanceof Float64Array ||
      data instanceof DataView) {
    throw domException('TypeMismatchError', 'The data argument must be an integer-type TypedArray', 17);
  }
  if (data.byteLength > 65536) {
    throw domException('QuotaExceededError', `The ArrayBufferView's byte length (${data.byteLength}) exceeds the number of bytes of entropy available via this API (65536)`, 22);
  }
  return randomFillSync(data);
}

// ---- Web Crypto (globalThis.crypto): random values and digests ----

function domException(name, message, code) {
  const err = new Error(message);
  err.name = name;
  Object.defineProperty(err, 'code', { value: code, enumerable: false, configurable: true, writable: true });
  return err;
}

const webDigests = { 'sha-1': 'sha1', 'sha-256': 'sha256', 'sha-384': 'sha384', 'sha-512': 'sha512' };

class SubtleCrypto {
  async digest(algorithm, data) {
    const name = typeof algorithm === 'string' ? algorithm : algorithm && algorithm.name;
    const alg = webDigests[`${name}`.toLowerCase()];
    if (alg === undefined) throw domException('NotSupportedError', 'Unrecognized algorithm name', 9);
    const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) :
      ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : undefined;
    if (bytes === undefined) {
      throw invalidArgType('data', 'an instance of ArrayBuffer, Buffer, TypedArray, or DataView', data);
    }
    const h = internal.newHash(alg);
    h.update(bytes);
    const result = h.digest();
    // node hashes on its thread pool, so the promise settles after a turn of
    // the event loop (errors above reject at once).
    return new Promise((resolve) => later(() => resolve(result)));
  }
}

const subtle = new SubtleCrypto();

class Crypto {
  get subtle() { return subtle; }
  getRandomValues(data) { return getRandomValues(data); }
  randomUUID() { return internal.randomUUID(); }
}
const webcrypto = new Crypto();

// Ciphers and keys load on first use: compiling them costs a few
// milliseconds that scripts hashing or drawing random bytes need not pay.
// Their functions are stand-ins that load the module and call through;
// their classes are accessors (read once, they become plain properties).
let cipherMod;
let keysMod;
const cipher = () => cipherMod || (cipherMod = require('internal/crypto/cipher'));
const keys = () => keysMod || (keysMod = require('internal/crypto/keys'));

function lazyFn(load, name) {
  return { [name](...args) { return load()[name](...args); } }[name];
}

const kCustomPromisify = Symbol.for('nodejs.util.promisify.custom');
const generateKeyPairLazy = lazyFn(keys, 'generateKeyPair');
Object.defineProperty(generateKeyPairLazy, kCustomPromisify, {
  value: (...args) => keys().generateKeyPair[kCustomPromisify](...args),
});

function defineLazyClasses(target, load, names) {
  for (const name of names) {
    Object.defineProperty(target, name, {
      get() {
        const value = load()[name];
        Object.defineProperty(target, name, { value, writable: true, enumerable: true, configurable: true });
        return value;
      },
      set(value) {
        Object.defineProperty(target, name, { value, writable: true, enumerable: true, configurable: true });
      },
      enumerable: true,
      configurable: true,
    });
  }
}

const constants = {
  RSA_PKCS1_PADDING: 1, RSA_NO_PADDING: 3, RSA_PKCS1_OAEP_PADDING: 4, RSA_X931_PADDING: 5,
  RSA_PKCS1_PSS_PADDING: 6, RSA_PSS_SALTLEN_DIGEST: -1, RSA_PSS_SALTLEN_MAX_SIGN: -2,
  RSA_PSS_SALTLEN_AUTO: -2, POINT_CONVERSION_COMPRESSED: 2, POINT_CONVERSION_UNCOMPRESSED: 4,
  POINT_CONVERSION_HYBRID: 6,
};

module.exports = {
  createHash,
  createHmac,
  hash,
  Hash,
  Hmac,
  getHashes: () => Array.from(internal.hashNames()),
  pbkdf2,
  pbkdf2Sync,
  hkdf,
  hkdfSync,
  randomBytes,
  pseudoRandomBytes: randomBytes,
  randomFill,
  randomFillSync,
  randomInt,
  randomUUID,
  timingSafeEqual,
  getRandomValues,
  webcrypto,
  subtle,
  constants,
  createCipheriv: lazyFn(cipher, 'createCipheriv'),
  createDecipheriv: lazyFn(cipher, 'createDecipheriv'),
  getCiphers: lazyFn(cipher, 'getCiphers'),
  getCipherInfo: lazyFn(cipher, 'getCipherInfo'),
  getCurves: lazyFn(keys, 'getCurves'),
  scrypt: lazyFn(keys, 'scrypt'),
  scryptSync: lazyFn(keys, 'scryptSync'),
  generateKeyPair: generateKeyPairLazy,
  generateKeyPairSync: lazyFn(keys, 'generateKeyPairSync'),
  createPublicKey: lazyFn(keys, 'createPublicKey'),
  createPrivateKey: lazyFn(keys, 'createPrivateKey'),
  createSecretKey: lazyFn(keys, 'createSecretKey'),
  sign: lazyFn(keys, 'sign'),
  verify: lazyFn(keys, 'verify'),
  createSign: lazyFn(keys, 'createSign'),
  createVerify: lazyFn(keys, 'createVerify'),
  publicEncrypt: lazyFn(keys, 'publicEncrypt'),
  privateDecrypt: lazyFn(keys, 'privateDecrypt'),
};
defineLazyClasses(module.exports, cipher, ['Cipheriv', 'Decipheriv']);
defineLazyClasses(module.exports, keys, ['KeyObject', 'Sign', 'Verify']);
