// debug: namespaces enabled by DEBUG, printed to stderr; we capture the
// formatted text through log overrides to stdout (no colours, no time).
process.env.DEBUG_HIDE_DATE = 'yes';
const util = require('util');
const createDebug = require('debug');
createDebug.enable('app:*,-app:secret');
createDebug.log = (...args) => console.log(util.format(...args).replace(/ \+\d+m?s$/, ''));
const a = createDebug('app:main');
const s = createDebug('app:secret');
const o = createDebug('other');
a.useColors = false; s.useColors = false;
a('hello %s, %d items, %o', 'ada', 3, { x: [1, 2] });
s('not shown');
o('not shown either');
console.log(a.enabled, s.enabled, o.enabled, createDebug.enabled('app:x'));
const sub = a.extend('sub');
sub.useColors = false;
sub('json %j', { k: 'v' });
console.log(createDebug.disable());
