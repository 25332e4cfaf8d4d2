// A module that throws while loading propagates the error to require and is
// not cached, so the next require evaluates it again.
const path = require('path');
try {
  require('./fixtures/throwing/boom');
} catch (e) {
  console.log('first require threw', e.message);
}
const resolved = require.resolve('./fixtures/throwing/boom');
console.log('cached after throw', resolved in require.cache);
const m = require('./fixtures/throwing/boom');
console.log('second require', m.ok, m.partial, global.__boomRuns);
console.log('cached now', path.basename(require.cache[resolved].filename));
