const qs = require('querystring');
for (const s of ['a=1&b=2', 'a=1&a=2&a=3', 'foo=bar&abc=xyz&abc=123', 'a', 'a=', '=b', '&&a=1&&', 'sp=a+b%20c', 'bad=%E0%A4%A&x=%zz', 'k%20ey=v%3Dv', 'x=1=2', '', 'a[]=1&a[]=2', 'é=ü', '%F0%9F%98%80=emoji'])
  console.log(JSON.stringify(s), qs.parse(s));
console.log(qs.parse('a:1;b:2', ';', ':'), qs.parse('a=1&b=2&c=3', null, null, {maxKeys: 2}));
console.log(qs.stringify({ foo: 'bar', baz: ['qux', 'quux'], corge: '' }), qs.stringify({ w: '中文', foo: 'bar' }), qs.stringify({a: 1, b: true, c: null, d: undefined, e: NaN, f: {}, g: 2n, 'sp ace': "it's (ok)*!~"}));
console.log(qs.stringify({ foo: 'bar', baz: 'qux' }, ';', ':'), qs.stringify('str'), qs.stringify({a: []}), qs.escape('a b&c/d?é'), qs.unescape('a%20b%zz+c'), qs.encode === qs.stringify, qs.decode === qs.parse);
console.log(qs.stringify({ w: 'x y' }, null, null, { encodeURIComponent: (s) => s.toUpperCase() }));
