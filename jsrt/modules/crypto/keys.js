'use strict';
// node's KeyObject family, key generation, sign/verify (one-shot and
// Sign/Verify objects), publicEncrypt/privateDecrypt and scrypt, over the
// Go halves in keys.go, sign.go and bind.go. Keys are RSA, EC (P-256,
// P-384, P-521) and Ed25519, in PEM or DER (spki, pkcs1, pkcs8, sec1) and
// exported as JWK too. Encrypted private keys are not supported.

const { Buffer } = require('buffer');
const errors = require('internal/errors');
const { invalidArgType, invalidArgValue, makeNodeError } = errors;
const { opensslError } = require('internal/crypto/cipher');
const { Writable } = require('stream');

const kKeyType = Symbol('kKeyType');
const kAsymmetricKeyType = Symbol('kAsymmetricKeyType');
const kAsymmetricKeyDetails = Symbol('kAsymmetricKeyDetails');
const kHandle = Symbol('kHandle');
const kSecret = Symbol('kSecret');

function later(fn) { setImmediate(fn); }

class KeyObject {
  constructor(type, handle) {
    if (type !== 'secret' && type !== 'public' && type !== 'private') {
      throw invalidArgValue('type', type);
    }
    Object.defineProperty(this, kKeyType, { value: type, enumerable: true });
    Object.defineProperty(this, kHandle, { value: handle });
  }
  get type() { return this[kKeyType]; }
  equals(other) {
    if (!(other instanceof KeyObject)) throw invalidArgType('otherKeyObject', 'KeyObject', other);
    if (other.type !== this.type) return false;
    if (this.type === 'secret') return Buffer.from(this[kSecret]).equals(Buffer.from(other[kSecret]));
    return internal.keyEquals(this[kHandle], other[kHandle]);
  }
  get [Symbol.toStringTag]() { return 'KeyObject'; }
}

class SecretKeyObject extends KeyObject {
  constructor(bytes) {
    super('secret', null);
    Object.defineProperty(this, kSecret, { value: Buffer.from(bytes) });
  }
  get symmetricKeySize() { return this[kSecret].length; }
  export(options) {
    if (options !== undefined && options !== null && typeof options === 'object' && options.format === 'jwk') {
      return { kty: 'oct', k: this[kSecret].toString('base64url') };
    }
    return Buffer.from(this[kSecret]);
  }
}

class AsymmetricKeyObject extends KeyObject {
  constructor(type, handle) {
    super(type, handle);
    const info = internal.keyInfo(handle);
    Object.defineProperty(this, kAsymmetricKeyType, { value: info.asymmetricKeyType, enumerable: true });
    const d = {};
    for (const k of ['modulusLength', 'publicExponent', 'namedCurve']) {
      if (info.details[k] !== undefined) d[k] = info.details[k];
    }
    if (d.publicExponent !== undefined) d.publicExponent = BigInt(d.publicExponent);
    // node shows the details among the symbols only once someone asked
    // for them; showing them at once is simpler and harmless.
    Object.defineProperty(this, kAsymmetricKeyDetails, { value: d, enumerable: true });
  }
  get asymmetricKeyType() { return this[kAsymmetricKeyType]; }
  get asymmetricKeyDetails() { return { ...this[kAsymmetricKeyDetails] }; }
}

function exportAsymmetric(key, options, publicOnly) {
  if (options === undefined || options === null || typeof options !== 'object') {
    throw invalidArgType('options', 'object', options);
  }
  const { format = 'pem' } = options;
  if (format === 'jwk') return internal.exportJwk(key[kHandle]);
  let { type } = options;
  if (format !== 'pem' && format !== 'der') throw invalidArgValue('options.format', format);
  if (publicOnly && type !== 'spki' && type !== 'pkcs1') throw invalidArgValue('options.type', type);
  if (!publicOnly && type !== 'pkcs8' && type !== 'pkcs1' && type !== 'sec1') throw invalidArgValue('options.type', type);
  if (options.cipher !== undefined || options.passphrase !== undefined) {
    throw makeNodeError(Error, 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM', 'Encrypted private keys are not supported by ebbnode');
  }
  const r = internal.exportKey(key[kHandle], type, format);
  if (typeof r === 'string') return r;
  if (r instanceof ArrayBuffer) return Buffer.from(r);
  throw invalidArgValue('options.type', type, r.error);
}

class PublicKeyObject extends AsymmetricKeyObject {
  constructor(handle) { super('public', handle); }
  export(options) { return exportAsymmetric(this, options, true); }
}

class PrivateKeyObject extends AsymmetricKeyObject {
  constructor(handle) { super('private', handle); }
  export(options) { return exportAsymmetric(this, options, false); }
}

function decoderError() {
  return opensslError('1E08010C', 'DECODER routines', 'unsupported');
}

// parseInput turns any of node's key inputs (PEM string or bytes, an
// object {key, format, type}, a KeyObject) into a Go handle.
function parseInput(key, name, wantPrivate) {
  if (key instanceof KeyObject) {
    if (key.type === 'secret') {
      throw makeNodeError(TypeError, 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE',
        `Invalid key object type secret, expected ${wantPrivate ? 'private' : 'public'}.`);
    }
    return key[kHandle];
  }
  let data = key;
  let format = 'pem';
  let type;
  if (key !== null && typeof key === 'object' && !ArrayBuffer.isView(key) && !(key instanceof ArrayBuffer)) {
    data = key.key;
    if (data instanceof KeyObject) return parseInput(data, name, wantPrivate);
    format = key.format === undefined ? 'pem' : key.format;
    type = key.type;
    if (format === 'jwk') {
      throw makeNodeError(Error, 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM', 'Importing JWK keys is not supported by ebbnode');
    }
    if (key.passphrase !== undefined && key.passphrase !== null) {
      throw makeNodeError(Error, 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM', 'Encrypted private keys are not supported by ebbnode');
    }
  }
  let bytes;
  if (typeof data === 'string') bytes = Buffer.from(data, key && key.encoding ? key.encoding : 'utf8');
  else if (ArrayBuffer.isView(data)) bytes = data;
  else if (data instanceof ArrayBuffer) bytes = new Uint8Array(data);
  else {
    throw invalidArgType(name === 'key' && data !== key ? 'key.key' : name,
      'string or an instance of ArrayBuffer, Buffer, TypedArray, or DataView', data);
  }
  const h = internal.parseKey(bytes, format, type === undefined ? '' : type);
  if (h !== null && typeof h === 'object' && typeof h.error === 'string') {
    if (h.error === 'unsupported') throw decoderError();
    throw makeNodeError(Error, 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM', h.error);
  }
  return h;
}

function isPrivateHandle(h) { return internal.keyInfo(h).type === 'private'; }

function createPublicKey(key) {
  const h = parseInput(key, 'key', false);
  return new PublicKeyObject(isPrivateHandle(h) ? internal.publicOf(h) : h);
}

function createPrivateKey(key) {
  const h = parseInput(key, 'key', true);
  if (!isPrivateHandle(h)) throw decoderError();
  return new PrivateKeyObject(h);
}

function createSecretKey(key, encoding) {
  if (typeof key === 'string') return new SecretKeyObject(Buffer.from(key, encoding));
  if (ArrayBuffer.isView(key)) return new SecretKeyObject(Buffer.from(key.buffer, key.byteOffset, key.byteLength));
  if (key instanceof ArrayBuffer) return new SecretKeyObject(new Uint8Array(key));
  throw invalidArgType('key', 'string or an instance of ArrayBuffer, Buffer, TypedArray, or DataView', key);
}

// ---- key pairs ----

function validateUint32(value, name) {
  if (typeof value !== 'number') throw invalidArgType(name, 'number', value);
  errors.validateInteger(value, name, 0, 4294967295);
}

function keygen(type, options) {
  errors.validateString(type, 'type');
  let modulusLength = 0;
  let publicExponent = 0x10001;
  let curve = '';
  switch (type) {
    case 'rsa':
      if (options === null || typeof options !== 'object') throw invalidArgType('options', 'object', options);
      validateUint32(options.modulusLength, 'options.modulusLength');
      modulusLength = options.modulusLength;
      if (options.publicExponent !== undefined) {
        validateUint32(options.publicExponent, 'options.publicExponent');
        publicExponent = options.publicExponent;
      }
      break;
    case 'ec':
      if (options === null || typeof options !== 'object') throw invalidArgType('options', 'object', options);
      errors.validateString(options.namedCurve, 'options.namedCurve');
      curve = options.namedCurve;
      break;
    case 'ed25519':
      break;
    case 'rsa-pss': case 'dsa': case 'ed448': case 'x25519': case 'x448': case 'dh':
      throw makeNodeError(Error, 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM', `ebbnode does not generate ${type} keys`);
    default:
      throw invalidArgValue('type', type, 'must be a supported key type');
  }
  const h = internal.generateKey(type, modulusLength, publicExponent, curve);
  if (h !== null && typeof h === 'object' && typeof h.error === 'string') {
    if (h.error === 'Invalid EC curve name') throw makeNodeError(TypeError, 'ERR_CRYPTO_INVALID_CURVE', h.error);
    throw makeNodeError(Error, 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM', h.error);
  }
  const opts = options || {};
  const privateKey = new PrivateKeyObject(h);
  const publicKey = new PublicKeyObject(internal.publicOf(h));
  return {
    publicKey: encodePair(publicKey, opts.publicKeyEncoding, 'options.publicKeyEncoding'),
    privateKey: encodePair(privateKey, opts.privateKeyEncoding, 'options.privateKeyEncoding'),
  };
}

function encodePair(key, encoding, name) {
  if (encoding === undefined) return key;
  if (encoding === null || typeof encoding !== 'object') throw invalidArgValue(name, encoding);
  return key.export(encoding);
}

function generateKeyPairSync(type, options) { return keygen(type, options); }

function generateKeyPair(type, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  errors.validateFunction(callback, 'callback');
  const { publicKey, privateKey } = keygen(type, options);
  later(() => callback(null, publicKey, privateKey));
}
Object.defineProperty(generateKeyPair, Symbol.for('nodejs.util.promisify.custom'), {
  value: (type, options) => new Promise((resolve, reject) => {
    generateKeyPair(type, options, (err, publicKey, privateKey) => {
      if (err) reject(err);
      else resolve({ publicKey, privateKey });
    });
  }),
});

// ---- sign and verify ----

function signOptions(key) {
  if (key === null || typeof key !== 'object' || key instanceof KeyObject || ArrayBuffer.isView(key)) return {};
  const { padding, saltLength, dsaEncoding } = key;
  if (dsaEncoding !== undefined && dsaEncoding !== 'der' && dsaEncoding !== 'ieee-p1363') {
    throw invalidArgValue('options.dsaEncoding', dsaEncoding);
  }
  return { padding, saltLength, p1363: dsaEncoding === 'ieee-p1363' };
}

function checkAlgorithm(algorithm, h) {
  if (algorithm === undefined || algorithm === null) return '';
  errors.validateString(algorithm, 'algorithm');
  if (internal.keyInfo(h).asymmetricKeyType === 'ed25519') {
    throw opensslError('1C80007A', 'Provider routines', 'invalid digest');
  }
  return algorithm;
}

function signResult(r, algorithm) {
  if (r instanceof ArrayBuffer) return Buffer.from(r);
  if (r.error === 'Invalid digest') {
    throw makeNodeError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', `Invalid digest: ${algorithm}`);
  }
  throw new Error(r.error);
}

function privateHandle(key) {
  const h = parseInput(key, 'key', true);
  if (!isPrivateHandle(h)) {
    throw makeNodeError(TypeError, 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE', 'Invalid key object type public, expected private.');
  }
  return h;
}

function dataBytes(data, name) {
  if (typeof data === 'string') return Buffer.from(data);
  if (ArrayBuffer.isView(data)) return data;
  throw invalidArgType(name, 'an instance of Buffer, TypedArray, or DataView', data);
}

function signOneShot(algorithm, data, key, callback) {
  const bytes = dataBytes(data, 'data');
  const h = privateHandle(key);
  const alg = checkAlgorithm(algorithm, h);
  const o = signOptions(key);
  const sig = signResult(internal.sign(h, bytes, alg, o.padding, o.saltLength, !!o.p1363), algorithm);
  if (callback === undefined) return sig;
  errors.validateFunction(callback, 'callback');
  later(() => callback(null, sig));
}

function verifyOneShot(algorithm, data, key, signature, callback) {
  const bytes = dataBytes(data, 'data');
  const h = parseInput(key, 'key', false);
  const alg = checkAlgorithm(algorithm, h);
  const sig = dataBytes(signature, 'signature');
  const o = signOptions(key);
  const r = internal.verify(h, bytes, sig, alg, o.padding, o.saltLength, !!o.p1363);
  if (typeof r !== 'boolean') signResult(r, algorithm);
  if (callback === undefined) return r;
  errors.validateFunction(callback, 'callback');
  later(() => callback(null, r));
}

function checkDigest(algorithm) {
  errors.validateString(algorithm, 'algorithm');
  if (internal.newHash(algorithm) === null) throw makeNodeError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', 'Invalid digest');
}

// Sign and Verify gather the data, then sign it in one go: Go's
// signatures hash the whole message themselves. They are
// stream.Writables: what is written is update()d.
class Sign extends Writable {
  #alg;
  #chunks = [];
  constructor(algorithm, options) {
    checkDigest(algorithm);
    super(options);
    this.#alg = algorithm;
  }
  update(data, encoding) {
    this.#chunks.push(typeof data === 'string' ? Buffer.from(data, encoding) : dataBytes(data, 'data'));
    return this;
  }
  sign(privateKey, outputEncoding) {
    const sig = signOneShot(this.#alg, Buffer.concat(this.#chunks), privateKey);
    return outputEncoding === undefined || outputEncoding === 'buffer' ? sig : sig.toString(outputEncoding);
  }
  _write(chunk, encoding, callback) {
    this.update(chunk, encoding);
    callback();
  }
}

class Verify extends Writable {
  #alg;
  #chunks = [];
  constructor(algorithm, options) {
    checkDigest(algorithm);
    super(options);
    this.#alg = algorithm;
  }
  update(data, encoding) {
    this.#chunks.push(typeof data === 'string' ? Buffer.from(data, encoding) : dataBytes(data, 'data'));
    return this;
  }
  verify(object, signature, sigEncoding) {
    const sig = typeof signature === 'string' ? Buffer.from(signature, sigEncoding) : signature;
    return verifyOneShot(this.#alg, Buffer.concat(this.#chunks), object, sig);
  }
  _write(chunk, encoding, callback) {
    this.update(chunk, encoding);
    callback();
  }
}

// ---- RSA encryption ----

function rsaCrypt(key, buffer, decrypt, defaultPadding) {
  const h = decrypt ? privateHandle(key) : parseInput(key, 'key', false);
  const opts = key !== null && typeof key === 'object' && !(key instanceof KeyObject) && !ArrayBuffer.isView(key) ? key : {};
  const padding = opts.padding === undefined ? defaultPadding : opts.padding;
  if (padding !== 1 && padding !== 4) {
    throw makeNodeError(Error, 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM', `RSA padding ${padding} is not supported by ebbnode`);
  }
  const r = internal.rsaCrypt(h, dataBytes(buffer, 'buffer'), decrypt, padding, opts.oaepHash || 'sha1');
  if (r instanceof ArrayBuffer) return Buffer.from(r);
  if (decrypt) throw opensslError('02000079', 'rsa routines', 'oaep decoding error');
  throw new Error(r.error);
}

// ---- scrypt ----

const scryptDefaults = { N: 16384, r: 8, p: 1, maxmem: 32 << 20 };

function scryptArgs(password, salt, keylen, options) {
  const toB = (v, n) => {
    if (typeof v === 'string') return Buffer.from(v);
    if (ArrayBuffer.isView(v)) return v;
    if (v instanceof ArrayBuffer) return new Uint8Array(v);
    throw invalidArgType(n, 'string or an instance of ArrayBuffer, Buffer, TypedArray, or DataView', v);
  };
  const pw = toB(password, 'password');
  const s = toB(salt, 'salt');
  errors.validateInteger(keylen, 'keylen', 0, 2 ** 31 - 1);
  let { N, r, p, maxmem } = scryptDefaults;
  if (options && options !== null) {
    const pick = (a, b, def) => {
      if (options[a] !== undefined && options[b] !== undefined) {
        throw makeNodeError(Error, 'ERR_CRYPTO_SCRYPT_INVALID_PARAMETER', 'Invalid scrypt parameter');
      }
      const v = options[a] !== undefined ? options[a] : options[b];
      if (v === undefined) return def;
      validateUint32(v, options[a] !== undefined ? a : b);
      return v;
    };
    N = pick('N', 'cost', N);
    r = pick('r', 'blockSize', r);
    p = pick('p', 'parallelization', p);
    if (options.maxmem !== undefined) maxmem = options.maxmem;
  }
  if (N < 2 || (N & (N - 1)) !== 0 || r < 1 || p < 1) {
    throw makeNodeError(RangeError, 'ERR_CRYPTO_INVALID_SCRYPT_PARAMS', 'Invalid scrypt params');
  }
  if (128 * N * r > maxmem) {
    throw makeNodeError(RangeError, 'ERR_CRYPTO_INVALID_SCRYPT_PARAMS',
      'Invalid scrypt params: error:030000AC:digital envelope routines::memory limit exceeded');
  }
  return [pw, s, N, r, p];
}

function scryptSync(password, salt, keylen, options) {
  const [pw, s, N, r, p] = scryptArgs(password, salt, keylen, options);
  const out = internal.scrypt(pw, s, N, r, p, keylen);
  if (!(out instanceof ArrayBuffer)) throw makeNodeError(RangeError, 'ERR_CRYPTO_INVALID_SCRYPT_PARAMS', 'Invalid scrypt params');
  return Buffer.from(out);
}

function scrypt(password, salt, keylen, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  const args = scryptArgs(password, salt, keylen, options);
  errors.validateFunction(callback, 'callback');
  later(() => {
    const out = internal.scrypt(...args, keylen);
    if (out instanceof ArrayBuffer) callback(null, Buffer.from(out));
    else callback(makeNodeError(RangeError, 'ERR_CRYPTO_INVALID_SCRYPT_PARAMS', 'Invalid scrypt params'));
  });
}

module.exports = {
  KeyObject, createPublicKey, createPrivateKey, createSecretKey,
  generateKeyPair, generateKeyPairSync,
  sign: signOneShot, verify: verifyOneShot,
  createSign: (algorithm, options) => new Sign(algorithm, options),
  createVerify: (algorithm, options) => new Verify(algorithm, options),
  Sign, Verify,
  publicEncrypt: (key, buffer) => rsaCrypt(key, buffer, false, 4),
  privateDecrypt: (key, buffer) => rsaCrypt(key, buffer, true, 4),
  scrypt, scryptSync,
  getCurves: () => ['prime256v1', 'secp384r1', 'secp521r1'],
};
