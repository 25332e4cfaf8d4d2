// require.cache is keyed by resolved filename; deleting an entry makes the
// next require evaluate the file again. require.resolve gives the filename.
const path = require('path');
const rel = (p) => path.relative(__dirname, p);
const resolved = require.resolve('./fixtures/rel/a');
console.log('resolve', rel(resolved));
console.log('resolve pkg main', rel(require.resolve('./fixtures/pkgmain')));
console.log('resolve bare', rel(require.resolve('far-pkg')));
console.log('resolve builtin', require.resolve('fs'), require.resolve('node:path'));
console.log('before', resolved in require.cache);
const a1 = require('./fixtures/rel/a');
console.log('after', resolved in require.cache);
const entry = require.cache[resolved];
console.log('entry', rel(entry.filename), entry.loaded, entry.exports === a1);
console.log('cache has self', rel(Object.keys(require.cache).find((k) => k === __filename)));
delete require.cache[resolved];
const a2 = require('./fixtures/rel/a');
console.log('reloaded', a1 !== a2, a1.loadCount, a2.loadCount);
console.log('b kept', a1.b === a2.b);
