const cases = [['http://a.com/x/'], ['http://a.com'], ['HTTP://A.COM:80/a/./b/../c'], ['four', 'http://x.com/one/two/three'], ['../c?q#h', 'http://x.com/a/b/d'], ['//other.com/p', 'https://x.com/'], ['?q=1', 'http://x.com/p'], ['#frag', 'http://x.com/p?q'],
 ['http://a.com/a b'], ['http://a.com/?a=b c'], ['http://user@a.com'], ['http://[::1]:8080/'], ['file:///C:/x'], ['data:text/plain,hi'], ['mailto:a@b.com'], ['http://a.com:0080/'], ['https://a.com:443/'], ['http://a.com/%7Efoo'], ['http://a.com/ü'], ['http://bücher.de/'], ['http://a.com/p?x=ü#ü'], ['blob:http://a.com/uuid'], ['ws://a.com/s'], ['http://1.2.3.4/'], ['http://a.com/..'], ['javascript:alert(1)'], ['http:/a.com'], ['http://a.com\\b\\c']];
for (const [u, b] of cases) {
  try { const x = b ? new URL(u, b) : new URL(u); console.log(x.href, x.origin, x.host, x.pathname, x.search, x.hash); } catch (e) { console.log('ERR', u, e.message); }
}
for (const bad of ['nope', 'http://', 'http://a b.com/', '//x']) { try { new URL(bad); console.log('ok?', bad); } catch (e) { console.log(e.name, e.code, e.message, e.input); } }
const u = new URL('http://a.com/p?x=1'); u.pathname = '/q r'; u.search = 'y=2'; u.hash = 'h'; u.port = '81'; u.hostname = 'b.com'; u.protocol = 'https'; console.log(u.href);
u.searchParams.set('z', 'a b'); console.log(u.href, u.search);
console.log(URL.canParse ? URL.canParse('x:') : 'no canParse', new URL('http://a.com').toJSON());
