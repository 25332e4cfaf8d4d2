const path = require('path');
const rel = (p) => path.relative(__dirname, p);
const lib = require('./lib');
const data = require('./data.json');
const pkg = require('pkg');
const single = require('single');
const deep = require('./sub/deeper/deep');
console.log(lib.name, data.answer, pkg.name, single, deep);
console.log(rel(require.resolve('./lib')), rel(require.resolve('pkg')), require.resolve('fs'), require.resolve('node:path'));
console.log(rel(__filename), path.basename(__dirname), module.id, require.main === module, module.loaded);
const a = require('./cycle_a');
console.log('cycle', a.done, a.sawB);
console.log(require('./lib') === lib, Object.keys(require.cache).map(rel).sort().join(','));
delete require.cache[require.resolve('./counter')];
const c1 = require('./counter');
delete require.cache[require.resolve('./counter')];
const c2 = require('./counter');
console.log('reloaded', c1 !== c2, c2.loadedAt > 0);
console.log(require('node:fs') === require('fs'), typeof require('events'));
try {
  require('./sub/missing');
} catch (e) {
  console.log(e.code, JSON.stringify(e.message.replaceAll(__dirname, '<dir>')));
}
try {
  require('no-such-pkg');
} catch (e) {
  console.log(e.code, e.requireStack.map(rel));
}
try {
  require('node:nope');
} catch (e) {
  console.log(e.code, e.message);
}
