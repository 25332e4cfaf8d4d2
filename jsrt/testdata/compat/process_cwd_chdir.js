// process.cwd/chdir: relative paths for fs and path.resolve follow the
// current directory; require stays relative to the module file.
const fs = require('fs');
const path = require('path');
const start = process.cwd();
console.log('start', path.basename(start));
console.log('resolve relative', path.relative(start, path.resolve('a/b')));
process.chdir(process.env.COMPAT_TMP);
console.log('after chdir', fs.realpathSync(process.cwd()) === fs.realpathSync(process.env.COMPAT_TMP));
fs.writeFileSync('rel.txt', 'relative write');
console.log('relative read', fs.readFileSync(path.join(process.env.COMPAT_TMP, 'rel.txt'), 'utf8'));
console.log('readdir .', fs.readdirSync('.').join(','));
console.log('require still relative to module', require('./fixtures/rel/b')(1));
try {
  process.chdir(path.join(process.env.COMPAT_TMP, 'missing'));
} catch (e) {
  console.log('chdir missing', e.code, e.syscall);
}
process.chdir(start);
console.log('back', process.cwd() === start);
