// split('') cuts a string into UTF-16 code units, surrogate pairs and lone
// surrogates included (entities builds its HTML decode table this way).
const codes = (a) => a.map((c) => c.charCodeAt(0).toString(16)).join(',');
const s = 'a\ud835\udd04b\ud800c\udc00';
console.log(s.split('').length, codes(s.split('')));
console.log(codes(s.split('', 3)), s.split('', 0).length);
console.log('h\u00e9llo'.split('').join('|'), 'abc'.split('').length, ''.split('').length);
console.log('\ud83d\ude00'.split('').length, codes('x\ud83d\ude00y'.split('')));
console.log(codes(String.prototype.split.call(new String('\ud835\udd04'), '')));
console.log(String.prototype.split.name, String.prototype.split.length);
console.log(Object.keys(String.prototype).length);
console.log('a,b,c'.split(',').join(' '), 'a1b2c'.split(/\d/).join(' '));
const tree = new Uint16Array('\u1d41<\xd5\ud835\udd04'.split('').map((c) => c.charCodeAt(0)));
console.log(tree.length, Array.from(tree).join(','));
try { String.prototype.split.call(null, ''); } catch (e) { console.log(e instanceof TypeError); }
