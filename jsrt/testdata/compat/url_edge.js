// URL edge cases: IPv6 and IPv4 hosts, IDN, special-scheme normalization,
// searchParams <-> search sync, url.format with options, domainToASCII.
const url = require('url');
const show = (u) => console.log(u.href, '|', u.host, '|', u.pathname);
show(new URL('http://[::1]:3000/x'));
show(new URL('http://0x7f.1/'));
show(new URL('http://münchen.de/ä'));
show(new URL('HTTP://EXAMPLE.com/a/./b/../c'));
show(new URL('http://h/a%2fb/%7e'));
show(new URL('mailto:someone@example.com'));
show(new URL('data:text/plain,hello world'));
const u = new URL('http://h/p?a=1');
u.searchParams.set('b', 'x y');
u.searchParams.delete('a');
console.log(u.search, u.href);
u.search = '';
console.log(JSON.stringify(u.search), u.href, u.searchParams.toString() === '');
console.log(url.format(new URL('http://u:p@h/p?q#f'), { auth: false, search: false, fragment: false }));
console.log(url.domainToASCII('español.com'), url.domainToUnicode('xn--espaol-zwa.com'));
try { new URL('http://a b/'); } catch (e) { console.log('space in host', e.code); }
try { new URL('/relative'); } catch (e) { console.log('relative without base', e.code); }
console.log(new URL('?q=1', 'http://h/a/b').href, new URL('#f', 'http://h/a?x').href, new URL('//other/p', 'https://h/').href);
console.log(new URL('http://h:0/').port, new URL('http://h:65535/').port, new URL('ws://h:80/').port, new URL('ftp://h:21/').host);
const file = url.pathToFileURL('/tmp/a#b?c%d');
console.log(file.href, url.fileURLToPath(file));
