'use strict';
// node's Cipheriv and Decipheriv (createCipheriv/createDecipheriv) over
// the Go ciphers in ciphers.go: AES in CBC, ECB, CTR and GCM, ChaCha20 and
// ChaCha20-Poly1305: update/final/setAAD/getAuthTag/setAuthTag/
// setAutoPadding, and stream.Transforms (write the input, read the output)
// as in node.

const { Buffer } = require('buffer');
const { StringDecoder } = require('string_decoder');
const errors = require('internal/errors');
const LazyTransform = require('internal/streams/lazy_transform');
const { invalidArgType, makeNodeError } = errors;

// opensslError is how node reports an OpenSSL failure: the packed error
// string as the message, then library, reason and code properties.
function opensslError(packed, library, reason) {
  const err = new Error(`error:${packed}:${library}::${reason}`);
  err.library = library;
  err.reason = reason;
  err.code = `ERR_OSSL_${reason.toUpperCase().replace(/ /g, '_')}`;
  return err;
}

const failures = {
  'bad decrypt': () => opensslError('1C800064', 'Provider routines', 'bad decrypt'),
  'wrong final block length': () => opensslError('1C80006B', 'Provider routines', 'wrong final block length'),
  'Unsupported state or unable to authenticate data': () => new Error('Unsupported state or unable to authenticate data'),
};

function toBuf(data, encoding, name) {
  if (typeof data === 'string') return Buffer.from(data, encoding === 'buffer' ? 'utf8' : encoding);
  if (ArrayBuffer.isView(data)) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  throw invalidArgType(name, 'string or an instance of Buffer, TypedArray, or DataView', data);
}

function keyBytes(key, name) {
  if (key && typeof key === 'object' && key.type === 'secret' && typeof key.export === 'function') {
    return key.export();
  }
  if (typeof key === 'string') return Buffer.from(key);
  if (ArrayBuffer.isView(key)) return key;
  if (key instanceof ArrayBuffer) return new Uint8Array(key);
  throw invalidArgType(name, 'string or an instance of ArrayBuffer, Buffer, TypedArray, DataView, KeyObject, or CryptoKey', key);
}

const aead = new Set(['gcm', 'chacha20-poly1305']);
const kState = Symbol('kState');

class CipherBase extends LazyTransform {
  constructor(decrypt, cipher, key, iv, options) {
    super(options);
    errors.validateString(cipher, 'cipher');
    const k = keyBytes(key, 'key');
    let ivb = null;
    if (iv !== null) {
      if (typeof iv === 'string') ivb = Buffer.from(iv);
      else if (ArrayBuffer.isView(iv)) ivb = iv;
      else if (iv instanceof ArrayBuffer) ivb = new Uint8Array(iv);
      else throw invalidArgType('iv', 'string or an instance of ArrayBuffer, Buffer, TypedArray, or DataView', iv);
    }
    const info = internal.cipherInfo(cipher);
    if (info === null) throw makeNodeError(Error, 'ERR_CRYPTO_UNKNOWN_CIPHER', 'Unknown cipher');
    if (k.byteLength !== info.keyLength) throw makeNodeError(RangeError, 'ERR_CRYPTO_INVALID_KEYLEN', 'Invalid key length');
    const ivLen = ivb === null ? 0 : ivb.byteLength;
    const ivOK = info.mode === 'gcm' ? ivLen > 0 : ivLen === info.ivLength;
    if (!ivOK) throw makeNodeError(TypeError, 'ERR_CRYPTO_INVALID_IV', 'Invalid initialization vector');
    let tagLen = 16;
    if (options && options.authTagLength !== undefined && aead.has(info.mode)) {
      tagLen = options.authTagLength;
      if (!validTagLength(info.mode, tagLen)) {
        throw makeNodeError(TypeError, 'ERR_CRYPTO_INVALID_AUTH_TAG', `Invalid authentication tag length: ${tagLen}`);
      }
    }
    const h = internal.newCipher(cipher, k, ivb, decrypt, tagLen);
    if (h.error !== undefined) throw new Error(h.error);
    this[kState] = { h, decrypt, mode: info.mode, tagLen, done: false, decoder: null, tagSet: false };
  }
  update(data, inputEncoding, outputEncoding) {
    const s = this[kState];
    if (s.done) throw opensslError('030000AC', 'digital envelope routines', 'memory limit exceeded');
    const out = Buffer.from(s.h.update(toBuf(data, inputEncoding, 'data')));
    return encode(s, out, outputEncoding, false);
  }
  final(outputEncoding) {
    const s = this[kState];
    if (s.done) throw makeNodeError(Error, 'ERR_CRYPTO_INVALID_STATE', 'Invalid state');
    s.done = true;
    const r = s.h.final();
    if (!(r instanceof ArrayBuffer)) throw (failures[r.error] || (() => new Error(r.error)))();
    return encode(s, Buffer.from(r), outputEncoding, true);
  }
  _transform(chunk, encoding, callback) {
    this.push(this.update(chunk, encoding));
    callback();
  }
  _flush(callback) {
    try {
      this.push(this.final());
    } catch (err) {
      callback(err);
      return;
    }
    callback();
  }
  setAutoPadding(ap = true) {
    this[kState].h.setAutoPadding(!!ap);
    return this;
  }
  setAAD(buffer, options) {
    this[kState].h.setAAD(toBuf(buffer, undefined, 'buffer'));
    return this;
  }
}

function validTagLength(mode, n) {
  if (mode === 'gcm') return [4, 8, 12, 13, 14, 15, 16].includes(n);
  return Number.isInteger(n) && n >= 1 && n <= 16;
}

// encode is node's output step: a Buffer, or text through a StringDecoder
// so multi-byte characters split across calls come out whole.
function encode(s, buf, enc, last) {
  if (enc === undefined || enc === 'buffer') return buf;
  if (s.decoder === null) s.decoder = new StringDecoder(enc);
  const text = s.decoder.write(buf);
  return last ? text + s.decoder.end() : text;
}

class Cipheriv extends CipherBase {
  constructor(cipher, key, iv, options) { super(false, cipher, key, iv, options); }
  getAuthTag() {
    const s = this[kState];
    if (!aead.has(s.mode) || !s.done) {
      throw makeNodeError(Error, 'ERR_CRYPTO_INVALID_STATE', 'Invalid state for operation getAuthTag');
    }
    return Buffer.from(s.h.getAuthTag());
  }
}

class Decipheriv extends CipherBase {
  constructor(cipher, key, iv, options) { super(true, cipher, key, iv, options); }
  setAuthTag(tagbuf, encoding) {
    const s = this[kState];
    const tag = toBuf(tagbuf, encoding, 'buffer');
    if (!aead.has(s.mode) || s.done || s.tagSet) {
      throw makeNodeError(Error, 'ERR_CRYPTO_INVALID_STATE', 'Invalid state for operation setAuthTag');
    }
    if (!validTagLength(s.mode, tag.byteLength)) {
      throw makeNodeError(TypeError, 'ERR_CRYPTO_INVALID_AUTH_TAG', `Invalid authentication tag length: ${tag.byteLength}`);
    }
    s.tagSet = true;
    s.h.setAuthTag(tag);
    return this;
  }
}

function createCipheriv(cipher, key, iv, options) { return new Cipheriv(cipher, key, iv, options); }
function createDecipheriv(cipher, key, iv, options) { return new Decipheriv(cipher, key, iv, options); }

// OpenSSL's facts about each cipher, as getCipherInfo reports them: its
// nid, its own name, its mode and block size.
const cipherFacts = {
  'aes-128-cbc': [419, 'aes-128-cbc', 'cbc', 16], 'aes-192-cbc': [423, 'aes-192-cbc', 'cbc', 16],
  'aes-256-cbc': [427, 'aes-256-cbc', 'cbc', 16], 'aes-128-ecb': [418, 'aes-128-ecb', 'ecb', 16],
  'aes-192-ecb': [422, 'aes-192-ecb', 'ecb', 16], 'aes-256-ecb': [426, 'aes-256-ecb', 'ecb', 16],
  'aes-128-ctr': [904, 'aes-128-ctr', 'ctr', 1], 'aes-192-ctr': [905, 'aes-192-ctr', 'ctr', 1],
  'aes-256-ctr': [906, 'aes-256-ctr', 'ctr', 1], 'aes-128-gcm': [895, 'id-aes128-gcm', 'gcm', 1],
  'aes-192-gcm': [898, 'id-aes192-gcm', 'gcm', 1], 'aes-256-gcm': [901, 'id-aes256-gcm', 'gcm', 1],
  chacha20: [1019, 'chacha20', 'stream'], 'chacha20-poly1305': [1018, 'chacha20-poly1305', 'stream'],
};

function getCipherInfo(nameOrNid, options) {
  let name = nameOrNid;
  if (typeof nameOrNid === 'number') {
    errors.validateInteger(nameOrNid, 'nameOrNid');
    name = Object.keys(cipherFacts).find((n) => cipherFacts[n][0] === nameOrNid);
    if (name === undefined) return undefined;
  } else if (typeof nameOrNid !== 'string') {
    throw invalidArgType('nameOrNid', ['string', 'number'], nameOrNid);
  }
  const info = internal.cipherInfo(name);
  if (info === null) return undefined;
  const [nid, ossl, mode, blockSize] = cipherFacts[info.name];
  let { ivLength, keyLength } = info;
  if (options !== undefined && options !== null) {
    if (options.keyLength !== undefined) {
      errors.validateInteger(options.keyLength, 'options.keyLength');
      if (options.keyLength !== keyLength) return undefined;
    }
    if (options.ivLength !== undefined) {
      errors.validateInteger(options.ivLength, 'options.ivLength');
      const variable = info.mode === 'gcm' || info.mode === 'chacha20-poly1305';
      if (!(variable ? options.ivLength >= 1 && (info.mode === 'gcm' || options.ivLength <= 12) : options.ivLength === ivLength)) {
        return undefined;
      }
      ivLength = options.ivLength;
    }
  }
  const out = { mode, name: ossl, nid };
  if (blockSize !== undefined) out.blockSize = blockSize;
  if (ivLength !== 0) out.ivLength = ivLength;
  out.keyLength = keyLength;
  return out;
}

module.exports = {
  Cipheriv, Decipheriv, createCipheriv, createDecipheriv, opensslError, getCipherInfo,
  getCiphers: () => Array.from(internal.cipherNames()),
};
