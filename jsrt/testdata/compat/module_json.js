// Requiring .json files parses them once and caches the object.
const d = require('./fixtures/data.json');
console.log(JSON.stringify(d));
console.log(d.list.length, d.nested.ok, d.nested.n);
d.added = 1;
console.log('cached', require('./fixtures/data').added, require('./fixtures/data.json') === d);
const pkg = require('./fixtures/pkgmain/package.json');
console.log(pkg.name, pkg.version, pkg.main);
