// WHATWG URL: parsing, components, relative resolution, mutation,
// percent-encoding, errors.
const u = new URL('https://user:pa%20ss@Example.COM:8080/p/a/t/h/../x?query=string&a=1#hash');
for (const k of ['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search', 'hash']) {
  console.log(k, JSON.stringify(u[k]));
}
console.log('searchParams', u.searchParams.get('query'), u.searchParams.get('a'));
console.log('relative', new URL('../c?x=1', 'http://h/a/b/').href);
console.log('relative abs path', new URL('/root', 'http://h/a/b').href);
console.log('default port dropped', new URL('http://h:80/').href, new URL('https://h:443/').port);
console.log('encoding', new URL('http://h/a b/ü?q=a b&r=ü#f g').href);
const m = new URL('http://example.org/');
m.pathname = '/new path';
m.search = '?k=v';
m.hash = 'frag';
m.port = '81';
m.searchParams.append('z', '1 2');
console.log('mutated', m.href);
console.log('toString/JSON', String(m) === m.href, JSON.stringify({ m }));
try {
  new URL('not a url');
} catch (e) {
  console.log('invalid', e.name, e.code, e instanceof TypeError);
}
console.log('file url', new URL('file:///tmp/x.txt').pathname);
console.log('canParse', typeof URL.canParse === 'function' ? URL.canParse('http://x') : 'n/a');
const url = require('url');
console.log('same class', url.URL === URL, url.URLSearchParams === URLSearchParams);
console.log('fileURLToPath', url.fileURLToPath('file:///a/b%20c.txt'));
console.log('pathToFileURL', url.pathToFileURL('/a/b c.txt').href);
const legacy = url.parse('http://user@host.com:8080/p?q=1#h', true);
console.log('legacy parse', legacy.hostname, legacy.port, legacy.pathname, legacy.query.q, legacy.hash);
console.log('legacy format', url.format({ protocol: 'http', host: 'x.com', pathname: '/y', search: '?z=1' }));
console.log('legacy resolve', url.resolve('http://a/b/c', '../d'));
