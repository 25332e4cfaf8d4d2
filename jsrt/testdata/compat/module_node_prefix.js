// Core modules are reachable with and without the node: prefix and are the
// same objects either way.
for (const name of ['fs', 'path', 'util', 'events', 'buffer', 'os', 'url', 'assert', 'crypto', 'querystring', 'timers']) {
  const plain = require(name);
  const prefixed = require('node:' + name);
  console.log(name, typeof plain, plain === prefixed);
}
console.log('fs/promises', require('fs/promises') === require('node:fs/promises'), require('fs').promises === require('fs/promises'));
console.log('Buffer global', require('buffer').Buffer === Buffer);
console.log('EventEmitter', require('events') === require('events').EventEmitter);
