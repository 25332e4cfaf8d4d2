'use strict';
// node's StringDecoder: decodes a byte stream chunk by chunk without
// splitting multi-byte characters (or base64 groups) across chunks.

const { Buffer } = require('buffer');
const errors = require('internal/errors');

function normalize(enc) {
  const e = `${enc === undefined || enc === null ? 'utf8' : enc}`.toLowerCase();
  switch (e) {
    case 'utf8': case 'utf-8': case '': return 'utf8';
    case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le': return 'utf16le';
    case 'latin1': case 'binary': return 'latin1';
    case 'base64': case 'base64url': case 'ascii': case 'hex': return e;
    default: return undefined;
  }
}

// Number of bytes at the end of buf that begin an unfinished UTF-8 sequence.
function utf8Tail(buf) {
  const n = buf.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const c = buf[n - back];
    if ((c & 0xc0) === 0x80) continue;
    const need = c >= 0xf0 && c <= 0xf4 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 && c < 0xe0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

class StringDecoder {
  #pending = Buffer.alloc(0);
  constructor(encoding) {
    const enc = normalize(encoding);
    if (enc === undefined) {
      throw errors.makeNodeError(TypeError, 'ERR_UNKNOWN_ENCODING', `Unknown encoding: ${encoding}`);
    }
    this.encoding = enc;
  }

  write(buf) {
    if (typeof buf === 'string') return buf;
    if (!ArrayBuffer.isView(buf)) {
      throw errors.invalidArgType('buf', 'an instance of Buffer, TypedArray, or DataView', buf);
    }
    let bytes = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
    if (this.#pending.length) bytes = Buffer.concat([this.#pending, bytes]);
    let keep = 0;
    switch (this.encoding) {
      case 'utf8': keep = utf8Tail(bytes); break;
      case 'utf16le': {
        keep = bytes.length % 2;
        // Keep a trailing high surrogate until its pair arrives.
        const end = bytes.length - keep;
        if (end >= 2) {
          const unit = bytes[end - 2] | (bytes[end - 1] << 8);
          if (unit >= 0xd800 && unit <= 0xdbff) keep += 2;
        }
        break;
      }
      case 'base64': case 'base64url': keep = bytes.length % 3; break;
      default: keep = 0;
    }
    this.#pending = Buffer.from(bytes.subarray(bytes.length - keep));
    return bytes.toString(this.encoding, 0, bytes.length - keep);
  }

  end(buf) {
    let r = buf === undefined ? '' : this.write(buf);
    if (this.#pending.length) {
      const p = this.#pending;
      this.#pending = Buffer.alloc(0);
      if (this.encoding === 'utf8') r += '\ufffd';
      else if (this.encoding === 'utf16le') r += p.toString('utf16le', 0, p.length - (p.length % 2));
      else r += p.toString(this.encoding);
    }
    return r;
  }

  text(buf, offset) {
    return this.write(buf.subarray(offset));
  }
}

exports.StringDecoder = StringDecoder;
