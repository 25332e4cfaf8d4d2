// fs round trips in the directory given as argv[2], in all three forms.
const fs = require('fs');
const fsp = require('fs/promises');
const path = require('path');
const dir = process.argv[2];
const p = (...x) => path.join(dir, ...x);
const show = (e) => [e.message.replaceAll(dir, '<dir>'), e.code, e.errno, e.syscall,
  e.path && e.path.replaceAll(dir, '<dir>'), e.dest && e.dest.replaceAll(dir, '<dir>')].filter((x) => x !== undefined).join(' | ');

fs.writeFileSync(p('a.txt'), 'héllo\n');
fs.appendFileSync(p('a.txt'), Buffer.from('world\n'));
const buf = fs.readFileSync(p('a.txt'));
console.log(Buffer.isBuffer(buf), buf.length, JSON.stringify(fs.readFileSync(p('a.txt'), 'utf8')));
const st = fs.statSync(p('a.txt'));
console.log(st.isFile(), st.isDirectory(), st.size, st.mtime instanceof Date, typeof st.mtimeMs);
console.log(fs.mkdirSync(p('x', 'y', 'z'), { recursive: true }).replaceAll(dir, '<dir>'), fs.mkdirSync(p('x'), { recursive: true }));
fs.writeFileSync(p('x', 'y', 'f.bin'), new Uint8Array([0, 1, 2, 255]));
console.log(fs.readdirSync(p('x')), fs.readdirSync(p('x', 'y'), { withFileTypes: true }).map((d) => d.name + ':' + d.isDirectory()));
fs.renameSync(p('a.txt'), p('b.txt'));
console.log(fs.existsSync(p('a.txt')), fs.existsSync(p('b.txt')));
fs.copyFileSync(p('b.txt'), p('c.txt'));
console.log(fs.readFileSync(p('c.txt'), 'latin1').length);
const fd = fs.openSync(p('fd.txt'), 'w+');
fs.writeSync(fd, 'abcdef');
const rb = Buffer.alloc(3);
console.log(fd >= 3, fs.readSync(fd, rb, 0, 3, 2), rb.toString());
fs.closeSync(fd);

for (const f of [
  () => fs.readFileSync(p('nope')),
  () => fs.statSync(p('nope')),
  () => fs.readdirSync(p('nope')),
  () => fs.mkdirSync(p('x')),
  () => fs.rmSync(p('x')),
  () => fs.rmSync(p('nope')),
  () => fs.unlinkSync(p('x')),
  () => fs.rmdirSync(p('x')),
  () => fs.renameSync(p('nope'), p('nope2')),
  () => fs.readFileSync(dir),
  () => fs.writeFileSync(p('nope', 'f'), ''),
]) {
  try { f(); console.log('no error!'); } catch (e) { console.log(show(e)); }
}
fs.rmSync(p('nope'), { force: true });
fs.rmSync(p('x'), { recursive: true });
fs.unlinkSync(p('c.txt'));
console.log(fs.readdirSync(dir).sort());

fs.readFile(p('nope'), (err, data) => {
  console.log('cb', show(err), data);
  fs.writeFile(p('cb.txt'), 'cb data', (err2) => {
    fs.readFile(p('cb.txt'), 'utf8', (err3, s) => {
      console.log('cb', err2, err3, s);
      (async () => {
        await fsp.mkdir(p('pd', 'q'), { recursive: true });
        await fsp.writeFile(p('pd', 'q', 'f'), 'promised');
        console.log('promise', await fsp.readFile(p('pd', 'q', 'f'), 'utf8'), (await fsp.stat(p('pd'))).isDirectory());
        await fsp.rm(p('pd'), { recursive: true });
        try { await fsp.readFile(p('pd', 'q', 'f')); } catch (e) { console.log('promise', show(e)); }
        console.log((await fsp.readdir(dir)).sort());
      })();
    });
  });
});
