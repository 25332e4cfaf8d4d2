// String methods: padding, trimming, case, split/join, replaceAll, at,
// code points, normalize, localeCompare basics, raw strings. (Intl-dependent
// formatting is left out: node has full ICU.)
const s = '  Hello, Wörld! 😀  ';
console.log(JSON.stringify([s.trim(), s.trimStart(), s.trimEnd()]));
console.log(s.length, [...s].length, s.codePointAt(15), s.charCodeAt(15), s.at(-5));
console.log('abc'.padStart(6, '12'), 'abc'.padEnd(6), '|', 'abc'.padStart(2), '5'.padStart(3, '0'));
console.log('Straße'.toUpperCase(), 'İ'.toLowerCase().length, 'ǅ'.toLowerCase());
console.log('a,b,,c'.split(','), 'abc'.split(''), 'a1b2c3'.split(/\d/), 'a1b2'.split(/(\d)/), 'abc'.split(',', 0));
console.log('x-y-z'.replace('-', '+'), 'x-y-z'.replaceAll('-', '+'), 'aaa'.replace(/a/g, (m, i) => i));
console.log('abc'.includes('bc'), 'abc'.startsWith('ab'), 'abc'.endsWith('bc', 2), 'abcabc'.indexOf('c', 3), 'abcabc'.lastIndexOf('a'));
console.log('abcdef'.slice(-3, -1), 'abcdef'.substring(4, 1), 'abcdef'.substr(1, 2), 'ab'.repeat(3), 'x'.concat(1, null));
console.log(String.fromCharCode(72, 105), String.fromCodePoint(0x1f600), '\u{1F600}' === '😀', 'é'.normalize('NFD').length, 'e\u0301'.normalize() === 'é');
console.log(String.raw`a\nb${1 + 1}\t`, `multi
line`.split('\n').length);
console.log('a'.localeCompare('b'), 'b'.localeCompare('a'), 'a'.localeCompare('a'));
console.log('%', 'tEsT'.toLowerCase(), 'test'[0], 'test'.charAt(10) === '', 'abc'.at(5));
console.log([...'a😀b'].map((c) => c.codePointAt(0).toString(16)).join(' '));
console.log('isWellFormed' in String.prototype ? 'ab\uD800'.isWellFormed() : 'n/a');
console.log(' \t\n x \u00a0'.trim().length, 'abc' < 'abd', 'B' < 'a', '10' < '9', 10 < 9);
console.log(encodeURIComponent('a b&c/é?'), encodeURI('http://x/a b?q=é#f'), decodeURIComponent('%E2%82%AC'));
console.log(escape === undefined ? 'no escape' : escape('a b'), unescape('%41'));
console.log('abc'.match(/b/).index, 'aXbXc'.split('X', 2), 'abc'.search(/c/), 'Tab\there'.length);
console.log(typeof String(Symbol('s')), String(null), String([1, [2, 3]]), String({}), `${[]}` === '');
