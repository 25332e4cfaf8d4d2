// Labeled break/continue, tagged templates (strings, raw, cache identity),
// nested template literals, switch fallthrough, comma and void.
const found = [];
outer: for (let i = 0; i < 4; i++) {
  inner: for (let j = 0; j < 4; j++) {
    if (j === 2) continue outer;
    if (i === 3) break outer;
    found.push(`${i}${j}`);
    if (j > 5) break inner;
  }
}
console.log(found.join(','));
block: {
  console.log('in block');
  if (found.length) break block;
  console.log('not printed');
}
function tag(strings, ...values) {
  return JSON.stringify({ strings, raw: strings.raw, values, frozen: Object.isFrozen(strings) });
}
console.log(tag`a${1}b${'two'}c\n${[3]}`);
console.log(tag``);
const seen = new Set();
const ident = (s) => { seen.add(s); return s; };
for (let i = 0; i < 3; i++) ident`same site`;
ident`other site`;
console.log('template object cache', seen.size);
const name = 'n';
console.log(`outer ${`inner ${name.toUpperCase()} ${1 + 1}`} end`, `\${escaped}`, `line1
line2`.length);
function sw(x) {
  const out = [];
  switch (x) {
    case 1: out.push('one');
    case 2: out.push('two'); break;
    case '1': out.push('string one'); break;
    default: out.push('default');
    case 3: out.push('three');
  }
  return out.join('+');
}
console.log(sw(1), sw(2), sw('1'), sw(9), sw(3));
let k = 0;
const r = (k++, k++, k);
console.log(r, void 0, void 'x', typeof void 0);
const html = (s, ...v) => s.reduce((acc, str, i) => acc + str + (i < v.length ? String(v[i]).replace(/</g, '&lt;') : ''), '');
console.log(html`<p>${'<b>'}</p>`);
console.log(String.raw({ raw: ['x', 'y', 'z'] }, 1, 2, 3));
