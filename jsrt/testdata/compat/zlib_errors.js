// zlib's errors: node's message, errno and code for bad and truncated
// input, checksum failures, dictionaries, option checks, argument types.
const zlib = require('zlib');
function show(label, fn) {
  try {
    const r = fn();
    console.log(label, 'ok', Buffer.isBuffer(r) ? r.toString() : r);
  } catch (e) {
    console.log(label, e.name, e.message, e.errno, e.code, Object.keys(e).join(','));
  }
}
show('inflate text', () => zlib.inflateSync(Buffer.from('hello world')));
show('gunzip text', () => zlib.gunzipSync(Buffer.from('hello world')));
show('unzip text', () => zlib.unzipSync(Buffer.from('hello world')));
show('inflate empty', () => zlib.inflateSync(Buffer.alloc(0)));
show('gunzip empty', () => zlib.gunzipSync(''));
show('inflate one byte', () => zlib.inflateSync(Buffer.from([0x78])));
show('gunzip truncated', () => zlib.gunzipSync(zlib.gzipSync('hello hello hello').subarray(0, 12)));
show('inflate truncated', () => { const d = zlib.deflateSync('hello world'); return zlib.inflateSync(d.subarray(0, d.length - 2)); });
show('raw truncated', () => zlib.inflateRawSync(zlib.deflateRawSync('some text here').subarray(0, 4)));
show('gzip crc', () => { const g = zlib.gzipSync('abc'); g[g.length - 6] ^= 1; return zlib.gunzipSync(g); });
show('zlib adler', () => { const g = zlib.deflateSync('abc'); g[g.length - 1] ^= 1; return zlib.inflateSync(g); });
show('raw block type', () => zlib.inflateRawSync(Buffer.from([0xff, 0xff])));
show('stored lengths', () => zlib.inflateRawSync(Buffer.from([0x00, 5, 0, 0, 0])));
show('gzip method', () => zlib.gunzipSync(Buffer.from([0x1f, 0x8b, 9, 0, 0, 0, 0, 0, 0, 0])));
show('zlib method', () => zlib.inflateSync(Buffer.from([0x79, 0x9c])));
show('window size', () => zlib.inflateSync(zlib.deflateSync('abc'), { windowBits: 9 }));
show('junk member', () => zlib.gunzipSync(Buffer.concat([zlib.gzipSync('ab'), Buffer.from('junk')])));
show('brotli text', () => zlib.brotliDecompressSync(Buffer.from('hello world')));
show('brotli truncated', () => zlib.brotliDecompressSync(zlib.brotliCompressSync('abcdef').subarray(0, 3)));
const dict = Buffer.from('hello dictionary');
const packed = zlib.deflateSync('hello hello dictionary', { dictionary: dict });
show('missing dictionary', () => zlib.inflateSync(packed));
show('bad dictionary', () => zlib.inflateSync(packed, { dictionary: Buffer.from('zzz') }));
show('maxOutputLength', () => zlib.inflateSync(zlib.deflateSync('x'.repeat(100)), { maxOutputLength: 10 }));
show('level 12', () => zlib.deflateSync('x', { level: 12 }));
show('level string', () => zlib.deflateSync('x', { level: 'a' }));
show('level Infinity', () => zlib.deflateSync('x', { level: Infinity }));
show('level NaN', () => zlib.inflateSync(zlib.deflateSync('x', { level: NaN })));
show('windowBits 3', () => zlib.deflateSync('x', { windowBits: 3 }));
show('strategy 9', () => zlib.deflateSync('x', { strategy: 9 }));
show('memLevel 0', () => zlib.gzipSync('x', { memLevel: 0 }));
show('chunkSize 10', () => zlib.gzipSync('x', { chunkSize: 10 }));
show('options not object', () => zlib.inflateSync(zlib.deflateSync('x', 5)));
show('number input', () => zlib.gzipSync(5));
show('object input', () => zlib.inflateSync({}));
show('callback missing', () => zlib.gzip('x'));
show('brotli param', () => zlib.brotliCompressSync('x', { params: { 99: 1 } }));
show('crc32 number', () => zlib.crc32(5));
