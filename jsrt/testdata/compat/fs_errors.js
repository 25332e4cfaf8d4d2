// fs errors: code, errno, syscall, path and message for common failures.
// The temp dir prefix is replaced so output does not depend on the machine.
const fs = require('fs');
const path = require('path');
const tmp = process.env.COMPAT_TMP;
const clean = (s) => String(s).split(tmp).join('$TMP');
const show = (label, e) => console.log(label, '|', e.code, e.errno, e.syscall, clean(e.path), '|', clean(e.message), '|', e instanceof Error);
const missing = path.join(tmp, 'missing.txt');
try { fs.readFileSync(missing); } catch (e) { show('readFileSync', e); }
try { fs.statSync(missing); } catch (e) { show('statSync', e); }
try { fs.readdirSync(path.join(tmp, 'nodir')); } catch (e) { show('readdirSync', e); }
try { fs.unlinkSync(missing); } catch (e) { show('unlinkSync', e); }
fs.mkdirSync(path.join(tmp, 'exists'));
try { fs.mkdirSync(path.join(tmp, 'exists')); } catch (e) { show('mkdirSync EEXIST', e); }
fs.writeFileSync(path.join(tmp, 'file'), 'x');
try { fs.readdirSync(path.join(tmp, 'file')); } catch (e) { show('readdir on file', e); }
try { fs.readFileSync(path.join(tmp, 'exists')); } catch (e) { show('read dir', e); }
try { fs.mkdirSync(path.join(tmp, 'no', 'parent')); } catch (e) { show('mkdir no parent', e); }
try { fs.rmdirSync(path.join(tmp, 'file')); } catch (e) { show('rmdir file', e); }
console.log('statSync throwIfNoEntry', fs.statSync(missing, { throwIfNoEntry: false }));
// The callback and promise forms run one after the other: two concurrent
// reads may complete in either order.
fs.readFile(missing, (err, data) => {
  show('readFile cb', err);
  console.log('data', data);
  require('fs/promises').readFile(missing).catch((e) => show('promises', e));
});
try { fs.readFileSync(); } catch (e) { console.log('no path', e.name, e.code); }
