// fs streams: write with a stream, 'finish', then read it back in chunks,
// a byte range, and a missing file's 'error' (one step after another).
const fs = require('fs');
const path = require('path');
const file = path.join(process.env.COMPAT_TMP, 'stream.txt');
const ws = fs.createWriteStream(file);
for (let i = 0; i < 5; i++) ws.write(`line ${i}\n`);
ws.end('last\n');
ws.on('finish', () => {
  console.log('finish', fs.readFileSync(file, 'utf8').split('\n').length);
  const chunks = [];
  const rs = fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 8 });
  rs.on('data', (c) => chunks.push(c));
  rs.on('end', () => {
    console.log('chunks', chunks.length, JSON.stringify(chunks.join('')));
    const ranged = [];
    fs.createReadStream(file, { start: 5, end: 9 })
      .on('data', (c) => ranged.push(c))
      .on('close', () => {
        console.log('range', JSON.stringify(Buffer.concat(ranged).toString()));
        const missing = fs.createReadStream(path.join(process.env.COMPAT_TMP, 'nope'));
        missing.on('error', (e) => console.log('stream error', e.code, e.syscall));
      });
  });
});
