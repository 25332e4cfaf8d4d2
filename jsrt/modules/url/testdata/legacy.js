const url = require('url');
const u = new URL('https://user:pw@Example.com:8080/a/b/../c?x=1&y=%20z#frag');
console.log(u.href, u.origin, u.host, u.searchParams.get('y'), String(u), JSON.stringify(u));
console.log(u);
console.log(new URLSearchParams('a=1&b=2&a=3'), new URLSearchParams({q: 'x y'}).toString());
console.log(url.URL === URL, url.fileURLToPath('file:///tmp/a%20b.txt'), url.pathToFileURL('/tmp/a b#?.txt').href, url.pathToFileURL('/tmp/dir/').href);
try { new URL('nope') } catch (e) { console.log(e.name, e.code, e.message) }
try { url.fileURLToPath('http://x/y') } catch (e) { console.log(e.name, e.code, e.message) }
console.log(url.parse('http://user:pass@Host.com:8080/p/a/t/h?query=string#hash'));
console.log(url.parse('/foo/bar?x=1&y=2', true));
console.log(url.parse('mailto:a@b.com'), url.parse('//foo/bar', false, true).host);
console.log(url.format({protocol: 'https', hostname: 'ex.com', pathname: '/some/path', query: {page: 1, format: 'json'}}), url.format(url.parse('http://a.com/x?y#z')), url.format(new URL('http://a.com/b?c#d'), {fragment: false}));
console.log(url.resolve('/one/two/three', 'four'), url.resolve('http://example.com/', '/one'), url.resolve('http://example.com/one', '/two'), url.resolve('http://example.com/a/b', '../c'));
