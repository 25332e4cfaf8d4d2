// The v flag (unicodeSets): nested classes, set subtraction and
// intersection, \q{} of single characters, property escapes, in literals
// and in patterns given to RegExp; flags, unicodeSets and source.
const greekNotVowel = /^[\p{Script=Greek}--[αεηιοωυ]]+$/v;
console.log(greekNotVowel.test('βγδ'), greekNotVowel.test('βα'), greekNotVowel.flags, greekNotVowel.unicodeSets, greekNotVowel.unicode);
console.log('a1b2_c'.match(/[\w--\d]/gv), 'abc123'.replace(/[\p{L}&&[a-b]]/gv, '#'), /[[a-z]--[aeiou]]+/v.exec('xyzae')[0]);
console.log(/[\q{x|y}z]/v.test('y'), /[^\d]/v.test('5'), /[\d&&[0-4]]/v.test('7'), String(/[\p{L}--[a-z]]/v));
const dyn = new RegExp('[\\p{Lu}--[A-Z]]', 'gv');
console.log('ÀBÇd'.match(dyn), dyn.source, dyn.flags, dyn.unicodeSets, /x/g.unicodeSets, /x/gimsuy.flags);
console.log([...'a1b2'.matchAll(/(?<d>[\d--[1]])/gv)].map((m) => m.groups.d), RegExp.prototype.flags === undefined);
console.log(Object.getOwnPropertyDescriptor(RegExp.prototype, 'flags').get.name, RegExp.prototype.unicodeSets);
