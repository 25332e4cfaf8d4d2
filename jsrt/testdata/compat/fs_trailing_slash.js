// A path ending in '/' names a directory: on a file every call fails as
// the system call does (ENOTDIR, or EISDIR when creating), and on a
// directory it works.
const fs = require('fs');
const path = require('path');
const tmp = fs.realpathSync(process.env.COMPAT_TMP);
const rel = (s) => String(s).split(tmp).join('T');
const show = (name, fn) => {
  try {
    console.log(name, 'ok', rel(fn()));
  } catch (e) {
    console.log(name, e.code, e.syscall, rel(e.message), rel(e.path));
  }
};
const f = path.join(tmp, 'f');
const d = path.join(tmp, 'd');
fs.writeFileSync(f, 'abc');
fs.mkdirSync(d);
show('readFile', () => fs.readFileSync(f + '/', 'utf8'));
show('stat', () => fs.statSync(f + '/').size);
show('lstat', () => fs.lstatSync(f + '/').size);
show('exists', () => fs.existsSync(f + '/'));
show('access', () => fs.accessSync(f + '/'));
show('open r', () => fs.openSync(f + '/', 'r'));
show('writeFile', () => fs.writeFileSync(f + '/', 'x'));
show('appendFile', () => fs.appendFileSync(f + '/', 'x'));
show('unlink', () => fs.unlinkSync(f + '/'));
show('rename', () => fs.renameSync(f + '/', path.join(tmp, 'g')));
show('dir stat', () => fs.statSync(d + '/').isDirectory());
show('dir readdir', () => fs.readdirSync(d + '/').length);
show('dir exists', () => fs.existsSync(d + '/'));
console.log('still', fs.readFileSync(f, 'utf8'));
fs.readFile(f + '/', (e) => console.log('callback', e.code, e.syscall, rel(e.path)));
