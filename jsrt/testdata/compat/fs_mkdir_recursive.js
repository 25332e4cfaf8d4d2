// Recursive mkdir returns the first directory it created, spelled as the
// argument spells it (relative stays relative), or undefined when it
// created none.
const fs = require('fs');
const path = require('path');
const tmp = fs.realpathSync(process.env.COMPAT_TMP);
const rel = (s) => (typeof s === 'string' ? s.split(tmp).join('T') : s);
const show = (name, fn) => {
  try {
    console.log(name, 'ok', rel(fn()));
  } catch (e) {
    console.log(name, e.code, e.syscall, rel(e.message));
  }
};
show('absolute new', () => fs.mkdirSync(path.join(tmp, 'a/b/c'), { recursive: true }));
show('absolute exists', () => fs.mkdirSync(path.join(tmp, 'a/b'), { recursive: true }));
show('absolute one more', () => fs.mkdirSync(path.join(tmp, 'a/b/c/d'), { recursive: true }));
process.chdir(tmp);
show('relative', () => fs.mkdirSync('r1/r2', { recursive: true }));
show('dot relative', () => fs.mkdirSync('./s1/s2', { recursive: true }));
show('trailing slash', () => fs.mkdirSync('t1/t2/', { recursive: true }));
show('relative exists', () => fs.mkdirSync('r1', { recursive: true }));
fs.writeFileSync('file', '');
show('over a file', () => fs.mkdirSync('file', { recursive: true }));
show('under a file', () => fs.mkdirSync('file/x', { recursive: true }));
fs.mkdir('u1/u2', { recursive: true }, (e, first) => console.log('callback', e, first));
