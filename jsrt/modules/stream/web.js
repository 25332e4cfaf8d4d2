// The rest of node's stream/web over the polyfill's classes (in exports
// already): TextEncoderStream, TextDecoderStream, CompressionStream and
// DecompressionStream, as TransformStreams.
(function () {
  'use strict';
  const { TransformStream } = exports;
  const zlib = require('zlib');
  const errors = require('internal/errors');

  class TextEncoderStream {
    constructor() {
      const encoder = new TextEncoder();
      let pending = ''; // a high surrogate that ended the last chunk
      const ts = new TransformStream({
        transform(chunk, controller) {
          let s = pending + String(chunk);
          pending = '';
          const last = s.charCodeAt(s.length - 1);
          if (last >= 0xd800 && last <= 0xdbff) {
            pending = s[s.length - 1];
            s = s.slice(0, -1);
          }
          if (s !== '') controller.enqueue(encoder.encode(s));
        },
        flush(controller) {
          if (pending !== '') controller.enqueue(encoder.encode(pending));
        },
      });
      this._ts = ts;
    }
    get encoding() { return 'utf-8'; }
    get readable() { return this._ts.readable; }
    get writable() { return this._ts.writable; }
  }

  class TextDecoderStream {
    constructor(label = 'utf-8', options = {}) {
      const decoder = new TextDecoder(label, options);
      this._decoder = decoder;
      this._ts = new TransformStream({
        transform(chunk, controller) {
          const s = decoder.decode(chunk, { stream: true });
          if (s !== '') controller.enqueue(s);
        },
        flush(controller) {
          const s = decoder.decode();
          if (s !== '') controller.enqueue(s);
        },
      });
    }
    get encoding() { return this._decoder.encoding; }
    get fatal() { return this._decoder.fatal; }
    get ignoreBOM() { return this._decoder.ignoreBOM; }
    get readable() { return this._ts.readable; }
    get writable() { return this._ts.writable; }
  }

  // zlibTransform runs a zlib stream as a TransformStream: each chunk
  // written in, whatever zlib emits enqueued, end() on flush.
  function zlibTransform(z) {
    let controller;
    let failed = null;
    z.on('data', (out) => controller.enqueue(new Uint8Array(out.buffer, out.byteOffset, out.length)));
    z.on('error', (err) => { failed = err; controller.error(err); });
    return new TransformStream({
      start(c) { controller = c; },
      transform(chunk) {
        if (!ArrayBuffer.isView(chunk) && !(chunk instanceof ArrayBuffer)) {
          throw errors.invalidArgType('chunk', ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], chunk);
        }
        return new Promise((resolve, reject) => {
          z.write(chunk, () => (failed ? reject(failed) : resolve()));
        });
      },
      flush() {
        return new Promise((resolve, reject) => {
          z.once('end', resolve);
          z.once('error', reject);
          z.end();
        });
      },
    });
  }

  function formatOf(format) {
    if (format !== 'gzip' && format !== 'deflate' && format !== 'deflate-raw') {
      throw errors.invalidArgValue('format', format);
    }
    return format;
  }

  class CompressionStream {
    constructor(format) {
      const f = formatOf(format);
      this._ts = zlibTransform(f === 'gzip' ? zlib.createGzip() : f === 'deflate' ? zlib.createDeflate() : zlib.createDeflateRaw());
    }
    get readable() { return this._ts.readable; }
    get writable() { return this._ts.writable; }
    get [Symbol.toStringTag]() { return 'CompressionStream'; }
  }

  class DecompressionStream {
    constructor(format) {
      const f = formatOf(format);
      this._ts = zlibTransform(f === 'gzip' ? zlib.createGunzip() : f === 'deflate' ? zlib.createInflate() : zlib.createInflateRaw());
    }
    get readable() { return this._ts.readable; }
    get writable() { return this._ts.writable; }
    get [Symbol.toStringTag]() { return 'DecompressionStream'; }
  }

  Object.assign(exports, { TextEncoderStream, TextDecoderStream, CompressionStream, DecompressionStream });
})();
