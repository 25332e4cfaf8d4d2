// zlib's callback and util.promisify forms, crc32, constants and codes.
const zlib = require('zlib');
const util = require('util');
const text = 'callback form '.repeat(10);
// One operation at a time: node settles concurrent ones in thread-pool order.
zlib.gzip(text, (err, packed) => {
  console.log('gzip cb', err, Buffer.isBuffer(packed));
  zlib.gunzip(packed, (err2, out) => {
    console.log('gunzip cb', err2, out.toString() === text);
    zlib.deflate(Buffer.from(text), { level: 1 }, (err3, packed2) => {
      zlib.inflate(packed2, {}, (err4, out2) => {
        console.log('inflate cb', err3, err4, out2.length);
        zlib.gunzip(Buffer.from('nope'), (err5, out3) => {
          console.log('gunzip err', err5.message, err5.code, err5.errno, out3);
          zlib.brotliDecompress(Buffer.from('nope nope'), (err6) => {
            console.log('brotli err', err6.message, err6.code, err6.errno);
            promised();
          });
        });
      });
    });
  });
});
async function promised() {
  const gz = util.promisify(zlib.gzip);
  const gunzip = util.promisify(zlib.gunzip);
  const out = await gunzip(await gz('promised'));
  console.log('promisify', out.toString());
  const br = await util.promisify(zlib.brotliCompress)('brotli promised');
  console.log('promisify brotli', (await util.promisify(zlib.brotliDecompress)(br)).toString());
  try {
    await util.promisify(zlib.inflate)(Buffer.from('bad'));
  } catch (e) {
    console.log('promisify rejects', e.message, e.code);
  }
}
console.log('sync first');
console.log('crc32', zlib.crc32('hello'), zlib.crc32('world', 5), zlib.crc32(Buffer.from('x')), zlib.crc32(''), zlib.crc32(new Uint8Array([1, 2, 3])));
console.log('crc32 chained', zlib.crc32('world', zlib.crc32('hello ')) === zlib.crc32('hello world'));
console.log('constants', zlib.constants.Z_BEST_COMPRESSION, zlib.constants.BROTLI_PARAM_QUALITY, zlib.constants.GUNZIP, zlib.constants.Z_MAX_CHUNK);
console.log('constant count', Object.keys(zlib.constants).length, Object.isFrozen(zlib.constants));
console.log('codes', zlib.codes.Z_DATA_ERROR, zlib.codes['-3'], zlib.codes[2], Object.isFrozen(zlib.codes));
console.log('legacy', zlib.Z_SYNC_FLUSH, zlib.Z_BEST_SPEED, Object.keys(zlib).includes('Z_SYNC_FLUSH'), zlib.BROTLI_PARAM_MODE);
console.log('keys', Object.keys(zlib).join(' '));
console.log('types', typeof zlib.createGzip, typeof zlib.Gzip, zlib.gzipSync.length, zlib.gzip.length);
