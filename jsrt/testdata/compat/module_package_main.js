// A folder with package.json "main" resolves to that file, not index.js.
const m = require('./fixtures/pkgmain');
console.log(m.from);
console.log('version via ../package.json', m.version);
console.log('same via main path', require('./fixtures/pkgmain/lib/entry') === m);
console.log('index still loadable', require('./fixtures/pkgmain/index.js').from);
