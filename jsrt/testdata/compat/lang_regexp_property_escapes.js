// \p{...} and \P{...} with the u flag, in literals and in patterns given
// to RegExp at run time: categories, scripts, binary and emoji
// properties, negation, classes, flags, lookbehind and backreferences.
console.log('héllo wörld Ωμέγα'.match(/\p{L}+/gu));
console.log(/\p{Script=Greek}+/u.exec('abc αβγ def')[0], /\p{sc=Cyrl}/u.test('ж'), /\p{scx=Grek}/u.test('α'));
console.log('Hello World'.match(/\p{Lu}/gu), 'ab1c2'.match(/\P{L}/gu), /\p{Letter}/u.test('x'));
console.log('Straße ΑΒΓ abc'.replace(/\p{Lu}/gu, '_'), 'Straße ΑΒΓ'.replace(/\p{Lu}/giu, '_'));
console.log('a1b2'.match(/(?<=\p{L})\d/gu), /(?<!\p{N})x/u.test('1x'), /(\p{L})\1/u.test('aa'));
console.log(/[\p{L}\d]+/u.exec('--ab12--')[0], /[\P{L}]/u.exec('ab-c')[0], /[^\p{L}\p{N}]+/u.exec('ab12 _!c')[0]);
console.log('👍🏽 ok 🎉'.match(/\p{Extended_Pictographic}/gu), /\p{Emoji_Modifier}/u.test('🏽'), /^\p{RI}{2}$/u.test('🇫🇷'));
console.log(/\p{Emoji}/u.test('😀'), /\p{Emoji_Presentation}/u.test('a'), /\p{Emoji}/u.test('#'));
console.log(/\p{gc=Nd}+/u.exec('x٣٤5')[0], /\p{Nd}/u.test('5'), /\p{White_Space}/u.test('\u3000'));
console.log(/\p{Alphabetic}/u.test('ǅ'), /\p{Lowercase}/u.test('ª'), /\p{ID_Start}/u.test('$'), /\p{ID_Continue}/u.test('_'));
console.log(/\p{Any}/u.test('\n'), /\p{Assigned}/u.test('\u0378'), /\p{Cn}/u.test('\u0378'), /\p{LC}/u.test('ǅ'));
console.log(/\p{L}/.test('p{L}'), /\p{L}/.test('a'), /[\p{L}]/.test('p'));
const re = /\p{L}+/gu;
let m;
const out = [];
while ((m = re.exec('ab cd')) !== null) out.push(m[0], re.lastIndex);
console.log(out, /\p{L}/uy.sticky, /\p{L}/su.flags);
console.log(new RegExp('\\p{Lu}+', 'gu').exec('abCDe')[0], RegExp('\\P{ASCII}', 'gu')[Symbol.replace]('héllo', '?'));
console.log(new RegExp(`^[\\p{Script=Han}\\p{P}]+$`, 'u').test('中文。'), new RegExp(/\p{L}/, 'u').test('é'));
try { new RegExp('\\p{Bogus}', 'u'); } catch (e) { console.log(e.name, e.message); }
try { new RegExp('[', 'u'); } catch (e) { console.log(e.name); }
const lit = /a/g;
console.log(RegExp(lit) === lit, new RegExp(lit) === lit, lit.constructor === RegExp, lit instanceof RegExp);
console.log(Object.getPrototypeOf(/x/) === RegExp.prototype, RegExp.prototype.constructor === RegExp, RegExp.name, RegExp.length);
class MyRe extends RegExp { exec(s) { return super.exec(s); } }
const mine = new MyRe('b+', 'g');
console.log(mine instanceof MyRe, mine instanceof RegExp, 'abbb'.match(mine), mine.constructor.name);
console.log('a,b,,c'.split(/,/), 'x1y2'.replace(/\d/g, '#'), [...'a1b2'.matchAll(/\d/g)].map(String));
console.log(String(new RegExp('x', 'gi')), RegExp('a|b').source, new RegExp('\\p{L}').test('p{L}'));
console.log(require('util').inspect(RegExp), require('util').types.isRegExp(new RegExp('z')), typeof RegExp[Symbol.species]);
for (const [p, f] of [['[', ''], ['(', 'g'], ['a)', 'u']]) {
  try { new RegExp(p, f); } catch (e) { console.log(e.name, e.message); }
}
// Sources and printing show the pattern as written.
console.log(/\p{L}+/gu, String(/\p{Lu}/u), /\p{L}/u.source, /[\p{N}/]/u.source);
const r = new RegExp('\\p{Script=Greek}/x', 'u'); console.log(r, r.source, r.flags, r.test('α/x'));
const c = new RegExp(/\p{L}/u, 'g' + 'u'); console.log(c, c.test('é'));
console.log(new RegExp(/\p{L}/u), new RegExp(/(?<n>\p{L})/u).exec('é').groups);
console.log(Object.keys(/\p{L}/u), require('util').inspect(/\p{L}/u), [/\p{L}/u]);
console.log(new RegExp(/\p{L}/u.source + '|\\d', 'u').test('5'), /a\/b/u.source, new RegExp('a/b\n', 'u').source);
for (const m of 'ab1'.matchAll(/(?<l>\p{L})/gu)) console.log(m.groups.l, m.index);
