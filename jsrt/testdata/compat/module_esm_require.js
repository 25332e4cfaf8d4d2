// require() of ES modules, as node 20.20 does it synchronously: the
// namespace (with __esModule when there is a default export), the same
// object on every require, ESM-only packages and "type": "module" folders,
// and an ES module importing CommonJS that requires it back.
const lib = require('./fixtures/esm/lib.mjs');
console.log(Object.keys(lib).join(','), lib.__esModule, lib.default('cjs'));
console.log('same object', require('./fixtures/esm/lib.mjs') === lib);
console.log('live', lib.counter, lib.bump(), lib.counter);
const only = require('./fixtures/esm/node_modules/esm-only');
console.log('esm-only', only.default(), only.version);
const typed = require('./fixtures/esm/typemod');
console.log('type module folder', typed.typed, typed.default.kind);
const noDefault = require('./fixtures/esm/nodefault.mjs');
console.log('no default', Object.keys(noDefault).join(','), noDefault.__esModule);
console.log('cached', require.cache[require.resolve('./fixtures/esm/lib.mjs')].loaded);
try {
  lib.fail();
} catch (e) {
  // The stack points at the original line and column in lib.mjs.
  const m = /lib\.mjs:(\d+):(\d+)/.exec(e.stack);
  console.log(e.message, 'at line', m[1], 'column', m[2]);
}
