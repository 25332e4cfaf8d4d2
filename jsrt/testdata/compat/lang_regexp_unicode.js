// Unicode property escapes and the unicode flag's character classes.
console.log(/[\p{L}]+/u.exec('héllo wörld')[0], /\p{Script=Greek}/u.test('α'), /\p{Lu}/u.test('a'));
console.log(/^\p{Emoji_Presentation}$/u.test('😀'), /\P{L}+/u.exec('abc123def')[0]);
console.log(/\d/.test('٣'), /\s/.test('\u00a0'), /\w/.test('é'), /\w/u.test('é'), /[^]/.test('\n'));
console.log('ÅΩ'.match(/./gu).length, /\u{61}/u.test('a'), /\u{61}/.test('a'), /[😀-😂]/u.test('😁'));
