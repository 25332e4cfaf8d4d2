// A folder without package.json resolves to its index.js.
const m = require('./fixtures/dirmod');
console.log(m.from, m.dir);
console.log('trailing slash', require('./fixtures/dirmod/') === m);
console.log('explicit', require('./fixtures/dirmod/index.js') === m);
console.log('explicit no ext', require('./fixtures/dirmod/index') === m);
