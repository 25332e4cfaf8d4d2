// JSON.parse's SyntaxError messages are V8's: what was expected and where
// (UTF-16 position), or the unexpected token quoted with up to 10
// characters of context either side.
const cases = [
  '', '   ', '{', '[', '"', '{"a":', '[1,', 'tru', 'nul', '"\\',
  '{"a":1,}', '{"a":1,', '{"a":1', '{"a" 1}', '{"a"', '{a:1}', '{,}',
  '[1,2', '[1 2]', '[1,]', '[1,,2]', '{"a":1 "b":2}',
  '"abc', '"a\nb"', '"\t"', '"\\x"', '"\\u12g4"', '"\\u12',
  '-', '-a', '[-]', '1.', '1.e', '1e', '1e+', '01', '+1', '.5', '[.5]',
  '12x', '{"a":1} x', 'null x', '{"a":1}}', '[1]]',
  'tx', 'falsy', 'é', 'Ω', '[Ω]', '😀', '\u2028 1', '\ufeff1',
  'NaN', 'Infinity', 'undefined', '[undefined]',
  '{"' + 'a'.repeat(46) + '":x}',
  'x' + 'a'.repeat(50),
  '[' + '1,'.repeat(30) + 'x' + ',1'.repeat(30) + ']',
  '{"a":"b"}' + 'c'.repeat(30),
  '\t\n1\n\t', '[1e5, -0.5, 0, "\\u00e9"]',
];
for (const s of cases) {
  try {
    const v = JSON.parse(s);
    console.log('ok', JSON.stringify(s), JSON.stringify(v));
  } catch (e) {
    console.log(JSON.stringify(s), '->', e.name, e.message, e instanceof SyntaxError);
  }
}
for (const v of [undefined, {}, [], true, 1]) {
  try {
    console.log('ok', JSON.stringify(JSON.parse(v)));
  } catch (e) {
    console.log(String(v), '->', e.message);
  }
}
try { JSON.parse(Symbol('s')); } catch (e) { console.log(e.name, e.message); }
console.log(JSON.parse('{"a":[1,{"b":2}]}', (k, v) => (typeof v === 'number' ? v * 10 : v)));
console.log(JSON.parse.name, JSON.parse.length, Object.keys(JSON));
