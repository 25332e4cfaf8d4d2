// zlib stream forms: the classes are Transforms, a gzip pipeline from a file to
// a file and back, gunzip output in chunkSize pieces, each pair of formats
// through pipe(), flush() and params() mid-stream, 'data' never inside write().
const zlib = require('zlib');
const fs = require('fs');
const path = require('path');
const { pipeline, Transform, PassThrough } = require('stream');
const dir = process.env.COMPAT_TMP || '/tmp/s2';
console.log(typeof zlib.Gzip, zlib.createGzip() instanceof zlib.Gzip, zlib.Gzip() instanceof Transform);
const src = path.join(dir, 'src.txt');
fs.writeFileSync(src, 'hello zlib stream '.repeat(5000));
const gz = path.join(dir, 'src.txt.gz');
pipeline(fs.createReadStream(src), zlib.createGzip(), fs.createWriteStream(gz), (err) => {
  console.log('gzip done', err);
  const back = zlib.gunzipSync(fs.readFileSync(gz));
  console.log('roundtrip', back.equals(fs.readFileSync(src)));
  const chunks = [];
  const g = zlib.createGunzip();
  g.on('data', (c) => chunks.push(c.length));
  g.on('end', () => { console.log('gunzip chunks', chunks.join(',')); step2(); });
  fs.createReadStream(gz).pipe(g);
});
function step2() {
  const pairs = [['Deflate', 'Inflate'], ['DeflateRaw', 'InflateRaw'], ['Gzip', 'Unzip'], ['Deflate', 'Unzip'], ['BrotliCompress', 'BrotliDecompress']];
  let i = 0;
  (function next() {
    if (i === pairs.length) return step3();
    const [c, d] = pairs[i++];
    const out = [];
    const dec = zlib[`create${d}`]();
    dec.on('data', (b) => out.push(b));
    dec.on('end', () => { console.log(c, d, Buffer.concat(out).toString()); next(); });
    const enc = zlib[`create${c}`]();
    enc.pipe(dec);
    enc.end(`${c} to ${d}`);
  })();
}
function step3() {
  const events = [];
  const g = zlib.createGunzip();
  g.on('error', (e) => events.push(`error ${e.code} ${e.errno} ${e.message}`));
  g.on('close', () => { events.push('close'); console.log(events.join(' | ')); step4(); });
  g.on('end', () => events.push('end'));
  g.write(Buffer.from('not gzip at all'));
  g.end();
}
function step4() {
  const d = zlib.createDeflate();
  const got = [];
  d.on('data', (c) => got.push(c));
  d.write('first part ');
  d.flush(() => {
    console.log('after flush inflates to', Buffer.concat(got).length > 2);
    d.params(9, 0, (err) => {
      console.log('params', err);
      d.end('second part');
      d.on('end', () => console.log('final', zlib.inflateSync(Buffer.concat(got)).toString()));
    });
  });
  console.log('sync after write');
}
