// querystring: parse with repeated keys and custom separators, stringify of
// arrays and special values, escape/unescape.
const qs = require('querystring');
const show = (v) => console.log(JSON.stringify(v));
show(qs.parse('foo=bar&abc=xyz&abc=123&empty=&noval'));
show(qs.parse('a:1;b:2', ';', ':'));
show(qs.parse('x=%20y+z&%C3%A9=1'));
show(qs.parse('a=1&a=2&a=3', null, null, { maxKeys: 2 }));
show(qs.stringify({ foo: 'bar', baz: ['qux', 'quux'], corge: '' }));
show(qs.stringify({ n: 1, b: true, u: undefined, nul: null, obj: { x: 1 } }));
show(qs.stringify({ w: 'a b', s: 'é/?&=' }));
show(qs.stringify({ a: 1, b: 2 }, ';', ':'));
show(qs.escape('a b&c/é'));
show(qs.unescape('a%20b%26c'));
show(qs.decode === qs.parse && qs.encode === qs.stringify);
show(Object.getPrototypeOf(qs.parse('a=1')));
