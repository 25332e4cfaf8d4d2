// Named capture groups: exec/match/matchAll results carry groups,
// replace understands $<name> and passes groups to a replacer function,
// \k<name> back-references match; literals and RegExp patterns alike.
const date = /(?<y>\d{4})-(?<m>\d\d)(?:-(?<d>\d\d))?/;
const m = date.exec('on 2024-05 and');
console.log(m.groups, m.index, m[1], m.groups.d, Object.getPrototypeOf(m.groups));
console.log('2024-05-17'.match(date).groups, '2024-05-17'.match(/(?<y>\d+)/g));
console.log('2024-05-17'.replace(date, '$<d>/$<m>/$<y> [$<nope>] $1 $$ $&'));
console.log('a1b22c333'.replace(/(?<n>\d+)/g, (all, n, off, str, groups) => `<${groups.n}@${off}:${typeof str}>`));
console.log('x-y-z'.replaceAll(/(?<s>-)/g, '[$<s>]'), 'a,b;c'.split(/(?<sep>[,;])/));
console.log([...'k1=v1&k2=v2'.matchAll(/(?<k>\w+)=(?<v>\w+)/g)].map((r) => `${r.groups.k}:${r.groups.v}@${r.index}`));
console.log(/(?<q>['"]).*?\k<q>/.exec(`say "hi" 'yo'`)[0], /(?<a>.)\k<a>/u.test('xx'));
const dyn = new RegExp('(?<word>\\w+)\\s(?<num>\\d+)', 'g');
console.log('abc 12 de 3'.replace(dyn, '$<num>-$<word>'), dyn.exec('zz 9').groups);
const { groups: { y, m: month } } = /(?<y>\d{4})\/(?<m>\d\d)/.exec('1999/12');
console.log(y, month, /(?<first>a)|(?<second>b)/.exec('b').groups);
console.log(String(/(?<x>a)/g), /(?<x>a)/g.source, /(?<x>a)/g.flags, Object.keys(/(?<x>a)/));
const sticky = /(?<c>\w)/y;
console.log(sticky.exec('ab').groups.c, sticky.lastIndex, sticky.exec('ab').groups.c, sticky.exec('ab'));
console.log(/(?<lb>(?<=\$)\d+)/.exec('cost $42').groups.lb, /(?<n>\p{Lu})/u.exec('abC').groups.n);
console.log(/(\d)(?<x>\d)/.exec('12').groups, /(\d)(\d)/.exec('12').groups);
