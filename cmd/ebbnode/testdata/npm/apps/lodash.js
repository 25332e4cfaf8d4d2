// lodash: collections, objects, strings, functions (debounce with timers), templates.
const _ = require('lodash');
console.log(JSON.stringify(_.groupBy([6.1, 4.2, 6.3], Math.floor)), JSON.stringify(_.chunk(['a', 'b', 'c', 'd', 'e'], 2)));
console.log(JSON.stringify(_.merge({ a: [{ b: 2 }, { d: 4 }] }, { a: [{ c: 3 }, { e: 5 }] })), _.get({ a: [{ b: { c: 3 } }] }, 'a[0].b.c'));
console.log(_.camelCase('Foo Bar-baz'), _.kebabCase('fooBarBaz'), _.startCase('--foo-bar--'), _.padStart('7', 3, '0'));
console.log(JSON.stringify(_.chain([{ u: 'b', a: 36 }, { u: 'a', a: 40 }, { u: 'c', a: 1 }]).sortBy('u').map('a').value()), _.isEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }));
console.log(_.template('hello <%= user %>! <% _.forEach(xs, function(x) { %><li><%- x %></li><% }); %>')({ user: 'ada', xs: ['<a>', 'b'] }));
const calls = [];
const deb = _.debounce((x) => calls.push(x), 20);
deb(1); deb(2); deb(3);
setTimeout(() => { console.log('debounced', calls); console.log(_.uniqBy([2.1, 1.2, 2.3], Math.floor), _.cloneDeep(new Map([[1, { a: 1 }]])).get(1)); }, 60);
