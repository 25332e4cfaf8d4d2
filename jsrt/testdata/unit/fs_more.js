// The less common fs calls, in the directory given as argv[2].
const fs = require('fs');
const path = require('path');
const dir = fs.realpathSync(process.argv[2]);
const p = (...x) => path.join(dir, ...x);
fs.writeFileSync(p('f.txt'), '0123456789');
fs.chmodSync(p('f.txt'), 0o640);
console.log('mode', (fs.statSync(p('f.txt')).mode & 0o777).toString(8));
fs.symlinkSync('f.txt', p('link'));
console.log('link', fs.lstatSync(p('link')).isSymbolicLink(), fs.readlinkSync(p('link')), path.basename(fs.realpathSync(p('link'))));
fs.utimesSync(p('f.txt'), 1000000000, new Date(Date.UTC(2020, 0, 2)));
console.log('utimes', fs.statSync(p('f.txt')).mtime.toISOString());
fs.truncateSync(p('f.txt'), 4);
console.log('truncate', fs.readFileSync(p('f.txt'), 'utf8'));
const t = fs.mkdtempSync(p('tmp-'));
console.log('mkdtemp', /^tmp-[A-Za-z0-9]{6}$/.test(path.basename(t)));
fs.writeFileSync(path.join(t, 'x'), 'x');
const d = fs.opendirSync(t);
console.log('opendir', d.readSync().name, d.readSync());
d.closeSync();
try { fs.writeFileSync(p('f.txt'), 'no', { flag: 'wx' }); } catch (e) { console.log('wx', e.code, e.syscall); }
fs.cpSync(t, p('copy'), { recursive: true });
console.log('cp', fs.readFileSync(p('copy', 'x'), 'utf8'));
try { fs.accessSync(p('f.txt'), fs.constants.X_OK); } catch (e) { console.log('access', e.code); }
try { process.chdir(p('nope')); } catch (e) { console.log('chdir', e.code, e.syscall, e.dest === p('nope')); }
process.chdir(dir);
console.log('relative', fs.readFileSync('f.txt', 'utf8'), process.cwd() === dir);
fs.promises.readlink(p('link')).then((l) => console.log('promise readlink', l));
