const cases = ['http://0x7f.1/', 'http://192.168.0.257/', 'http://[1:0:0:0:0:0:0:1]/', 'http://[::ffff:1.2.3.4]/', 'http://EXAMPLE.com./', 'http://xn--bcher-kva.de/', 'http://ÉXAMPLE.com/', 'http://a.com/%zz', 'http://a.com/a%2fb', 'http://a.com/./../x/..', 'HTTPS://a.com:443', 'foo://host/p?q', 'foo:/p', 'foo:p/q', 'http://a.com?x', 'http://a.com#', 'http://a.com?', 'file:/tmp/x', 'file://localhost/tmp', 'file:c:\\x', 'http://@a.com', 'http://:@a.com', 'http://a:b@c:d@e.com/', 'sc://ñ.test/', 'http://a.com/\u00a0', 'non-spec:/.//p', 'http://a.com/?q=\'"<>', 'ws://a.com:80/', 'http://1.2.3/', 'http://999999999/', 'http://a.com:65536/', 'http://a..com/', 'http://a_b.com/'];
for (const c of cases) { try { const u = new URL(c); console.log(JSON.stringify(c), u.href, u.host, u.origin); } catch (e) { console.log(JSON.stringify(c), 'ERR', e.code); } }
const u = new URL('https://user:pw@a.com:8443/p/q?x=1#f');
u.protocol = 'ftp'; console.log(u.href); u.protocol = 'foo'; console.log(u.href);
u.username = 'us er'; u.password = 'p@ss'; console.log(u.href);
u.host = 'b.org:99'; console.log(u.href); u.hostname = 'c.net'; console.log(u.href); u.port = ''; console.log(u.href); u.port = '21'; console.log(u.href); u.port = 'abc'; console.log(u.href);
u.pathname = 'a b/ü'; console.log(u.href); u.search = '?k=v w'; console.log(u.href, u.searchParams.get('k')); u.hash = 'x y'; console.log(u.href); u.search = ''; u.hash = ''; console.log(u.href);
u.href = 'http://z.com/'; console.log(u.href, u.searchParams.size);
const sp = new URLSearchParams([['b', '2'], ['a', '1'], ['b', '0']]); sp.sort(); console.log(sp.toString(), sp.size, [...sp], [...sp.values()]);
sp.delete('b'); console.log(sp.toString()); sp.set('c', 'x&y=z'); console.log(sp.toString(), sp.has('c', 'nope'));
const sp2 = new URLSearchParams('?q=a+b%20c&q=%E2%82%AC&empty=&=v&k'); console.log([...sp2], sp2.get('missing'));
sp2.forEach((v, k) => console.log(k, '=>', v));
console.log(new URLSearchParams('a=1&b=2'), new URLSearchParams(), String(new URLSearchParams({'sp ace': 'a+b', '€': '~!*()\''})));
const url = new URL('http://a.com/?x=1'); url.searchParams.append('y', '2 3'); console.log(url.href, url.search); url.searchParams.delete('x'); url.searchParams.delete('y'); console.log(url.href);
console.log(URL.canParse('x'), URL.canParse('/p', 'http://a.com'), new URL('/p', new URL('http://b.com/q')).href, Object.keys(new URL('http://a')), JSON.stringify({u: new URL('http://a.com/x')}));
try { new URL('/rel', 'not a base') } catch (e) { console.log(e.code, e.message, e.input, e.base) }
try { new URL() } catch (e) { console.log(e.code, e.message) }
console.log(require('url').domainToASCII('español.com'), require('url').domainToUnicode('xn--espaol-zwa.com'), require('url').domainToASCII('xn--iñvalid.com'));
console.log(String(new URL('http://a.com/x')), new URL('http://a.com/x') + '', `${new URL('blob:https://a.com/x').origin}`);
