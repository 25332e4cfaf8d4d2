const url = require('url');
console.log(url.URL === URL, url.URLSearchParams === URLSearchParams, require('node:url') === url);
console.log(url.fileURLToPath('file:///tmp/a%20b.txt'), url.fileURLToPath(new URL('file://localhost/etc/hosts')), url.pathToFileURL('/tmp/a b#?.txt').href, url.pathToFileURL('/tmp/x%y').href);
try { url.fileURLToPath('http://x/y') } catch (e) { console.log(e.name, e.code, e.message) }
try { url.fileURLToPath('file://host/y') } catch (e) { console.log(e.name, e.code, e.message) }
try { url.fileURLToPath('file:///a%2fb') } catch (e) { console.log(e.name, e.code, e.message) }
console.log(url.parse('http://user:pass@Host.com:8080/p/a/t/h?query=string#hash'));
console.log(url.parse('/foo/bar?x=1&y=2', true));
console.log(url.parse('https://example.org'), url.parse('mailto:a@b.com').hostname, url.parse('//foo/bar', false, true).host);
console.log(url.format({protocol: 'https', hostname: 'ex.com', pathname: '/some/path', query: {page: 1, format: 'json'}}), url.format(url.parse('http://a.com/x?y#z')), url.format({protocol: 'http:', host: 'h.com', pathname: 'p', search: 'q=1', hash: 'h'}));
console.log(url.resolve('http://example.com/', '/one'), url.resolve('http://example.com/one', '/two'), url.resolve('http://example.com/a/b', '../c'));
const sp = new URLSearchParams('a=1&b=2&a=3'); sp.append('c', 'x y'); console.log(sp.getAll('a'), sp.get('c'), sp.toString(), sp.has('b'), [...sp.keys()]);
console.log(new URLSearchParams({q: 'x y', n: 1}).toString());
