// Relative requires: with and without extension, identity of cached exports,
// module.exports replaced by a function, __filename/__dirname basenames.
const path = require('path');
const a1 = require('./fixtures/rel/a');
const a2 = require('./fixtures/rel/a.js');
const a3 = require('./fixtures/rel/../rel/a');
console.log('name', a1.name);
console.log('same object', a1 === a2, a2 === a3);
console.log('loaded once', a1.loadCount, global.__relLoads);
console.log('b is function', typeof a1.b, a1.b.name, a1.b(7));
console.log('b direct same', require('./fixtures/rel/b') === a1.b);
console.log('filename', path.basename(__filename));
console.log('dirname', path.basename(__dirname));
console.log('absolute filename', path.isAbsolute(__filename));
