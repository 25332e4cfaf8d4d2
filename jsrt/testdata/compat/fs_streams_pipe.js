// fs streams are stream.Readable/Writable: event order on open, ranges with
// start/end and a small highWaterMark, pipeline from a read stream through a
// Transform into a write stream, a missing file's error then close.
const fs = require('fs');
const path = require('path');
const { pipeline, Transform, Readable, Writable } = require('stream');
const dir = process.env.COMPAT_TMP;
const src = path.join(dir, 'src.txt');
const dst = path.join(dir, 'dst.txt');
fs.writeFileSync(src, 'abcdefghijklmnopqrstuvwxyz\n'.repeat(100));

const r = fs.createReadStream(src, { start: 2, end: 11, highWaterMark: 4 });
const events = [];
for (const ev of ['open', 'ready', 'end', 'close']) r.on(ev, () => events.push(ev));
r.on('data', (c) => events.push(`data ${c}`));
r.on('close', () => {
  console.log(events.join(', '));
  console.log('instances', r instanceof Readable, fs.createWriteStream(path.join(dir, 'x')).destroy() instanceof Writable);
  step2();
});

function step2() {
  const upper = new Transform({ transform(c, e, cb) { cb(null, String(c).toUpperCase()); } });
  const out = fs.createWriteStream(dst);
  out.on('finish', () => console.log('finish, bytesWritten', out.bytesWritten));
  pipeline(fs.createReadStream(src, { highWaterMark: 1000 }), upper, out, (err) => {
    const text = fs.readFileSync(dst, 'utf8');
    console.log('pipeline', err, text.length, text.slice(0, 27).trim(), out.closed);
    step3();
  });
}

function step3() {
  const missing = fs.createReadStream(path.join(dir, 'nope.txt'));
  const ev = [];
  missing.on('error', (e) => ev.push(`error ${e.code} ${e.syscall}`));
  missing.on('close', () => {
    ev.push('close');
    console.log(ev.join(', '), missing.destroyed);
    const w = fs.createWriteStream(path.join(dir, 'w.txt'), { highWaterMark: 5 });
    console.log('write returns', w.write('12345'), w.writableNeedDrain);
    w.on('drain', () => {
      w.end('67', () => console.log('w ended', fs.readFileSync(path.join(dir, 'w.txt'), 'utf8')));
    });
  });
}
