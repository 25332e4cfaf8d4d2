// fs.realpath's errors name the component that failed and the call node's
// walk made there: lstat for a missing component or a file used as a
// directory, stat for a dangling or looping link. Also chmod set-id bits.
const fs = require('fs');
const path = require('path');
const tmp = fs.realpathSync(process.env.COMPAT_TMP);
const p = (n) => path.join(tmp, n);
const rel = (s) => s.split(tmp).join('T');
const show = (name, fn) => {
  try {
    console.log(name, 'ok', rel(String(fn())));
  } catch (e) {
    console.log(name, e.code, e.syscall, rel(e.message), rel(e.path));
  }
};
fs.writeFileSync(p('f'), 'abc');
fs.mkdirSync(p('d'));
fs.symlinkSync('loop', p('loop'));
fs.symlinkSync('nowhere', p('dangling'));
fs.symlinkSync(p('d'), p('abs'));
fs.symlinkSync('../f', p('d/up'));
show('missing', () => fs.realpathSync(p('nope/x/y')));
show('file as dir', () => fs.realpathSync(p('f/x')));
show('loop', () => fs.realpathSync(p('loop')));
show('dangling', () => fs.realpathSync(p('dangling/x')));
show('abs', () => fs.realpathSync(p('abs/up')));
show('dots', () => fs.realpathSync(p('d/../abs/./up')));
fs.chmodSync(p('f'), 0o2754);
console.log('mode', (fs.statSync(p('f')).mode & 0o7777).toString(8));
fs.realpath(p('abs/nope/z'), (e) => console.log('callback', e.code, e.syscall, rel(e.path)));
