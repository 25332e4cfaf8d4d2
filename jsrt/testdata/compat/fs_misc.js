// More fs: chmod/mode bits, symlinks (lstat/readlink/realpath), utimes with
// fixed times, truncate, fs.constants, opendir, mkdtemp name shape.
const fs = require('fs');
const path = require('path');
const tmp = fs.realpathSync(process.env.COMPAT_TMP);
const p = (n) => path.join(tmp, n);
fs.writeFileSync(p('f.txt'), '0123456789');
fs.chmodSync(p('f.txt'), 0o640);
console.log('mode', (fs.statSync(p('f.txt')).mode & 0o777).toString(8), fs.statSync(p('f.txt')).isFile());
fs.symlinkSync('f.txt', p('link'));
console.log('lstat', fs.lstatSync(p('link')).isSymbolicLink(), fs.statSync(p('link')).isSymbolicLink());
console.log('readlink', fs.readlinkSync(p('link')), path.relative(tmp, fs.realpathSync(p('link'))));
console.log('read through link', fs.readFileSync(p('link'), 'utf8'));
fs.utimesSync(p('f.txt'), 1000000000, new Date(Date.UTC(2020, 0, 2, 3, 4, 5)));
const st = fs.statSync(p('f.txt'));
console.log('utimes', st.atime.toISOString(), st.mtime.toISOString(), st.mtimeMs);
fs.truncateSync(p('f.txt'), 4);
console.log('truncate', JSON.stringify(fs.readFileSync(p('f.txt'), 'utf8')));
console.log('constants', fs.constants.F_OK, fs.constants.R_OK, fs.constants.W_OK, fs.constants.X_OK, typeof fs.constants.O_CREAT);
const d = fs.mkdtempSync(p('pre-'));
console.log('mkdtemp', /^pre-[A-Za-z0-9]{6}$/.test(path.basename(d)), fs.statSync(d).isDirectory());
fs.writeFileSync(path.join(d, 'b'), '');
fs.writeFileSync(path.join(d, 'a'), '');
const dir = fs.opendirSync(d);
const names = [];
let ent;
while ((ent = dir.readSync()) !== null) names.push(ent.name + (ent.isFile() ? ':file' : ''));
dir.closeSync();
console.log('opendir', names.sort().join(','));
fs.writeFileSync(p('flags.txt'), 'abc');
try { fs.writeFileSync(p('flags.txt'), 'x', { flag: 'wx' }); } catch (e) { console.log('wx exists', e.code); }
fs.writeFileSync(p('flags.txt'), 'def', { flag: 'a' });
console.log('append flag', fs.readFileSync(p('flags.txt'), 'utf8'));
console.log('access X_OK on 640 file', (() => { try { fs.accessSync(p('f.txt'), fs.constants.X_OK); return 'ok'; } catch (e) { return e.code; } })());
fs.cpSync ? console.log('cpSync exists') : console.log('no cpSync');
