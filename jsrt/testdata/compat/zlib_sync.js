// zlib's sync forms: round trips through every format and level, and
// node-produced fixtures decompressed (compressed bytes themselves differ
// between zlib and Go's deflate, so only what decompresses is printed).
const zlib = require('zlib');
const text = 'The quick brown fox jumps over the lazy dog. '.repeat(20);
const fixtures = {
  gunzipSync: 'H4sIAAAAAAAAAwvJSFUoLM1MzlZIKsovz1NIy69QyCrNLShWyC9LLVIoyUhVyEmsqlRIyU/XUwgZVTyqeFQxtRUDAOZKZrCEAwAA',
  inflateSync: 'eJwLyUhVKCzNTM5WSCrKL89TSMuvUMgqzS0oVsgvSy1SKMlIVchJrKpUSMlP11MIGVU8qnhUMbUVAwBHpUMc',
  inflateRawSync: 'C8lIVSgszUzOVkgqyi/PU0jLr1DIKs0tKFbIL0stUijJSFXISayqVEjJT9dTCBlVPKp4VDG1FQMA',
  brotliDecompressSync: 'G4MDiCwOeNPQlV2XELsXK6nK0JLMjK1BXObyNsgZnp4Ke4MNOHBIIG8kvkGnFc4cHieqKTjCibhPgwE=',
};
for (const [fn, b64] of Object.entries(fixtures)) {
  const out = zlib[fn](Buffer.from(b64, 'base64'));
  console.log(fn, 'node fixture', out.length, out.toString() === text);
}
console.log('unzip of gzip', zlib.unzipSync(Buffer.from(fixtures.gunzipSync, 'base64')).toString() === text);
console.log('unzip of zlib', zlib.unzipSync(Buffer.from(fixtures.inflateSync, 'base64')).toString() === text);
const bin = zlib.gunzipSync(Buffer.from('H4sIAAAAAAAAAwEAAf/+AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+P0BBQkNERUZHSElKS0xNTk9QUVJTVFVWV1hZWltcXV5fYGFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eHl6e3x9fn+AgYKDhIWGh4iJiouMjY6PkJGSk5SVlpeYmZqbnJ2en6ChoqOkpaanqKmqq6ytrq+wsbKztLW2t7i5uru8vb6/wMHCw8TFxsfIycrLzM3Oz9DR0tPU1dbX2Nna29zd3t/g4eLj5OXm5+jp6uvs7e7v8PHy8/T19vf4+fr7/P3+/3OMBSkAAQAA', 'base64'));
console.log('stored block of 0..255', bin.length, bin[0], bin[255]);

const pairs = [['deflateSync', 'inflateSync'], ['gzipSync', 'gunzipSync'], ['deflateRawSync', 'inflateRawSync'],
  ['gzipSync', 'unzipSync'], ['deflateSync', 'unzipSync'], ['brotliCompressSync', 'brotliDecompressSync']];
for (const [c, d] of pairs) {
  const packed = zlib[c](text);
  console.log(c, '->', d, zlib[d](packed).toString() === text, packed.length < text.length);
}
for (const level of [-1, 0, 1, 5, 9]) {
  const back = zlib.inflateSync(zlib.deflateSync(Buffer.from(text), { level })).toString();
  console.log('level', level, back === text);
}
console.log('level 0 stores', zlib.deflateRawSync(text, { level: 0 }).length >= text.length);
const q = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4, [zlib.constants.BROTLI_PARAM_LGWIN]: 16 } };
console.log('brotli params', zlib.brotliDecompressSync(zlib.brotliCompressSync(text, q)).toString() === text);
const dict = Buffer.from('quick brown fox lazy dog');
const withDict = zlib.deflateSync(text, { dictionary: dict });
console.log('dictionary', zlib.inflateSync(withDict, { dictionary: dict }).toString() === text);
console.log('raw dictionary', zlib.inflateRawSync(zlib.deflateRawSync(text, { dictionary: dict }), { dictionary: dict }).length);
const big = Buffer.alloc(300000, 'abcdefghij');
console.log('large', zlib.gunzipSync(zlib.gzipSync(big)).equals(big), zlib.brotliDecompressSync(zlib.brotliCompressSync(big)).length);
console.log('inputs', zlib.inflateSync(zlib.deflateSync(new Uint8Array([1, 2, 3]).buffer)), zlib.inflateSync(zlib.deflateSync(new DataView(new ArrayBuffer(2)))));
console.log('empty', zlib.gunzipSync(zlib.gzipSync('')).length, zlib.inflateRawSync(zlib.deflateRawSync(Buffer.alloc(0))).length);
console.log('two members', zlib.gunzipSync(Buffer.concat([zlib.gzipSync('ab'), zlib.gzipSync('cd'), Buffer.from([0, 0])])).toString());
console.log('trailing bytes', zlib.inflateSync(Buffer.concat([zlib.deflateSync('ab'), Buffer.from('junk')])).toString(),
  zlib.brotliDecompressSync(Buffer.concat([zlib.brotliCompressSync('abc'), Buffer.from('xx')])).toString());
console.log('gzip header', zlib.gzipSync('x').subarray(0, 3).toString('hex'), 'zlib header', zlib.deflateSync('x')[0].toString(16));
