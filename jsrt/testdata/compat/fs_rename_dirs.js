// rename(2)'s answers for directories: a file over a directory is EISDIR,
// a directory over a file ENOTDIR, a directory over an empty directory
// replaces it, over a non-empty one ENOTEMPTY.
const fs = require('fs');
const path = require('path');
const tmp = fs.realpathSync(process.env.COMPAT_TMP);
const p = (n) => path.join(tmp, n);
const rel = (s) => String(s).split(tmp).join('T');
const show = (name, fn) => {
  try {
    console.log(name, 'ok', fn());
  } catch (e) {
    console.log(name, e.code, e.syscall, rel(e.message), rel(e.path), rel(e.dest));
  }
};
fs.writeFileSync(p('f'), 'x');
fs.mkdirSync(p('d'));
fs.mkdirSync(p('empty'));
fs.mkdirSync(p('full'));
fs.writeFileSync(p('full/x'), '');
show('file over dir', () => fs.renameSync(p('f'), p('d')));
show('dir over file', () => fs.renameSync(p('d'), p('f')));
show('dir over full dir', () => fs.renameSync(p('d'), p('full')));
show('dir over empty dir', () => fs.renameSync(p('d'), p('empty')));
console.log(fs.readdirSync(tmp).join(' '));
fs.rename(p('f'), p('full'), (e) => console.log('callback', e.code, rel(e.path), rel(e.dest)));
