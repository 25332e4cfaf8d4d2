// node 20.20 detects module syntax in a .js file whose package.json has
// no "type": such a file loads as an ES module (by require() too), while
// a CommonJS file stays CommonJS.
const esm = require('./fixtures/esm/detect/syntax.js');
console.log(esm.default, esm.sep, Object.keys(esm).join(','));
console.log(require('./fixtures/esm/detect/cjs.js'));
import('./fixtures/esm/detect/syntax.js').then((ns) => console.log('import()', ns.default, ns === esm));
