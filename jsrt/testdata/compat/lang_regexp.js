// RegExp: named groups, lookbehind, sticky and unicode flags, matchAll,
// replace with groups and functions, lastIndex, split with captures.
const re = /(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})/u;
const m = '2024-02-29'.match(re);
console.log(m.groups.year, m.groups.month, m.groups.day, m.index, m.length);
console.log('2024-02-29'.replace(re, '$<day>/$<month>/$<year>'), '2024-02-29'.replace(re, '$3.$2.$1 $$ $&'));
console.log('a1b22c333'.replace(/\d+/g, (d, off) => `[${d.length}@${off}]`));
console.log([...'a1b22c333'.matchAll(/(?<letter>[a-z])(?<digits>\d+)/g)].map((x) => x.groups.letter + x.groups.digits.length).join(','));
console.log('price: $42, €17'.match(/(?<=\$)\d+/)[0], 'xaybzc'.match(/(?<!x)[abc]/g).join(''));
const sticky = /foo/y;
sticky.lastIndex = 3;
console.log(sticky.test('barfoo'), sticky.lastIndex, sticky.test('barfoo'), sticky.lastIndex);
const g = /o/g;
console.log(g.exec('foo').index, g.lastIndex, g.exec('foo').index, g.exec('foo'), g.lastIndex);
console.log(/^.$/u.test('😀'), /^.$/.test('😀'), /\u{1F600}/u.test('😀'), /./s.test('\n'), /./.test('\n'));
console.log(/a/gimsuy.flags, new RegExp('x', 'g').source, String(/a\/b/));
try { RegExp('['); } catch (e) { console.log('bad pattern', e.name); }
console.log('a1b2'.split(/(\d)/).join('|'), 'A-B_C'.split(/[-_]/).join(','), 'aBc'.replace(/b/i, (x) => x.toLowerCase()));
console.log(/(\w+)\s\1/.test('hey hey'), /(?:ab)+/.exec('ababx')[0], /a{2,3}/.exec('aaaa')[0], /a+?/.exec('aaa')[0]);
console.log(JSON.stringify('x'.match(/(a)?x/)), JSON.stringify(/(?<n>a)|b/.exec('b').groups));
console.log(RegExp.prototype.toString.call(/x/gi), /[/]/.source, new RegExp('/').source, new RegExp('').toString());
console.log('aaa'.lastIndexOf('a'), 'a.b.c'.replace(/\./g, '$`'), 'abc'.replace(/(?<first>a)/, '[$<first>]'));
