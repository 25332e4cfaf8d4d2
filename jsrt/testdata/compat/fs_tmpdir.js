// os.tmpdir() is usable with no grant: mkdtemp, write, append, read, readdir,
// rename, streams, promises and rm (natively /tmp is in the image's memory).
const fs = require('fs'), os = require('os'), path = require('path');
const d = fs.mkdtempSync(path.join(os.tmpdir(), 'x-'));
console.log(path.dirname(d), path.basename(d).startsWith('x-'), path.basename(d).length);
fs.writeFileSync(path.join(d, 'a.txt'), 'hello');
fs.appendFileSync(path.join(d, 'a.txt'), ' world');
fs.mkdirSync(path.join(d, 'sub/deep'), { recursive: true });
fs.writeFileSync(path.join(d, 'sub/deep/b.json'), JSON.stringify({ x: 1 }));
console.log(fs.readFileSync(path.join(d, 'a.txt'), 'utf8'), fs.readdirSync(d), fs.statSync(path.join(d, 'a.txt')).size);
console.log(fs.readdirSync(d, { withFileTypes: true }).map((e) => [e.name, e.isDirectory()]));
fs.renameSync(path.join(d, 'a.txt'), path.join(d, 'c.txt'));
try { fs.readFileSync(path.join(d, 'a.txt')); } catch (e) { console.log(e.code, e.message.replace(d, '<d>')); }
try { fs.rmdirSync(path.join(d, 'sub')); } catch (e) { console.log(e.code); }
const ws = fs.createWriteStream(path.join(d, 's.txt'));
ws.end('streamed\n', () => {
  console.log(fs.readFileSync(path.join(d, 's.txt'), 'utf8').trim(), fs.existsSync(path.join(d, 'c.txt')));
  fs.rmSync(d, { recursive: true, force: true });
  console.log(fs.existsSync(d));
  fs.promises.mkdtemp(path.join(os.tmpdir(), 'p-')).then(async (p) => {
    await fs.promises.writeFile(path.join(p, 'f'), 'x');
    console.log((await fs.promises.readdir(p)).length, (await fs.promises.readFile(path.join(p, 'f'), 'utf8')));
    await fs.promises.rm(p, { recursive: true });
    console.log(os.totalmem() > 0, os.freemem() > 0, os.freemem() <= os.totalmem());
  });
});
