// fs.watch, fs.watchFile/unwatchFile and fs.promises.watch see a change
// made after the watcher is set; each test waits for its first event and
// closes its watcher, so the process exits. Natively the directory is a
// host grant, watched over the Messenger.
const fs = require('fs');
const path = require('path');
const d = fs.mkdtempSync(path.join(process.env.COMPAT_TMP, 'w-'));
const f = path.join(d, 'a.txt');
fs.writeFileSync(f, 'one');
const sub = path.join(d, 'sub');
fs.mkdirSync(sub);
try {
  fs.watch(path.join(d, 'missing'));
} catch (e) {
  console.log(e.message.replace(d, '<d>'), e.code, e.errno, e.syscall, Object.keys(e));
}
fs.watch(d, { persistent: false }, () => {}); // must not keep the process alive
const w = fs.watch(f);
console.log(Object.getPrototypeOf(w).constructor.name, typeof w.ref, typeof w.unref);
w.on('change', (type, name) => {
  console.log('file event:', type, name);
  w.close();
});
w.on('close', () => {
  console.log('closed');
  const wd = fs.watch(sub, { encoding: 'buffer' }, (type, name) => {
    console.log('dir event:', type, Buffer.isBuffer(name), String(name));
    wd.close();
    watchFileStep();
  });
  setTimeout(() => fs.writeFileSync(path.join(sub, 'b.txt'), 'new'), 50);
});
setTimeout(() => fs.writeFileSync(f, 'two'), 50);

function watchFileStep() {
  const sw = fs.watchFile(f, { interval: 20 }, (curr, prev) => {
    console.log('watchFile:', curr instanceof fs.Stats, prev instanceof fs.Stats, curr.mtimeMs >= prev.mtimeMs);
    fs.unwatchFile(f);
    promisesStep();
  });
  console.log(sw.constructor.name, typeof sw.ref);
  setTimeout(() => fs.writeFileSync(f, 'three!'), 50);
}

async function promisesStep() {
  const ac = new AbortController();
  setTimeout(() => fs.unlinkSync(path.join(sub, 'b.txt')), 50);
  try {
    for await (const ev of fs.promises.watch(sub, { signal: ac.signal })) {
      console.log('promises.watch:', ev.eventType, ev.filename);
      ac.abort();
    }
  } catch (e) {
    console.log(e.name, e.code);
  }
  fs.rmSync(d, { recursive: true });
  console.log('done', fs.existsSync(d));
}
