// Deterministic pseudo-random nested values, printed with console.log.
let seed = 12345;
const rnd = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
const words = ['a', 'bb', 'hello', 'x y', "it's", 'longer string value', 'ü', '', 'line\nbreak', 'k-e-y', 'valid_name', '123', 'abcdefghijklmnopqrstuvwxyz'];
function gen(depth) {
  const t = rnd(depth > 3 ? 6 : 12);
  switch (t) {
    case 0: return rnd(1000) - 500;
    case 1: return words[rnd(words.length)];
    case 2: return rnd(2) === 0;
    case 3: return [null, undefined, NaN, -0, Infinity, 1.5e-7, 123456789012345680000][rnd(7)];
    case 4: return rnd(100) / 7;
    case 5: return BigInt(rnd(99999));
    case 6: case 7: { const n = rnd(depth > 1 ? 4 : 30); const a = []; for (let i = 0; i < n; i++) a.push(gen(depth + 1)); return a; }
    case 8: case 9: { const n = rnd(8); const o = {}; for (let i = 0; i < n; i++) o[words[rnd(words.length)] + (rnd(3) ? '' : i)] = gen(depth + 1); return o; }
    case 10: { const m = new Map(); const n = rnd(4); for (let i = 0; i < n; i++) m.set(gen(depth + 2), gen(depth + 1)); return m; }
    default: { const s = new Set(); const n = rnd(5); for (let i = 0; i < n; i++) s.add(gen(depth + 1)); return s; }
  }
}
for (let i = 0; i < 300; i++) console.log(gen(0));
for (let i = 0; i < 50; i++) { const n = rnd(120); const a = []; const kind = rnd(4); for (let j = 0; j < n; j++) a.push(kind === 0 ? rnd(100000) : kind === 1 ? words[rnd(words.length)] : kind === 2 ? rnd(1000) / 3 : gen(2)); console.log(a); }
for (let i = 0; i < 40; i++) { const o = {}; const n = rnd(30); for (let j = 0; j < n; j++) o['key' + j] = rnd(2) ? rnd(10 ** rnd(12)) : words[rnd(words.length)]; console.log(o); console.log({ nested: o, arr: [o] }); }
