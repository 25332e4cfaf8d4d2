// Insertion order of Map/Set/object keys, deletion and re-insertion,
// integer-like keys first in objects, WeakMap/WeakRef basics.
const m = new Map([['z', 1], ['a', 2]]);
m.set(3, 'num').set('m', 4);
m.delete('a');
m.set('a', 5);
m.set('z', 'updated');
console.log([...m.keys()].join(','), [...m.values()].join(','));
console.log(m.size, m.get(3), m.has('3'), m.get(NaN));
m.set(NaN, 'nan');
m.set(-0, 'zero');
console.log(m.get(NaN), m.get(0), [...m.keys()].map(String).join(','));
const s = new Set(['c', 'a', 'b', 'a']);
s.delete('c');
s.add('c');
console.log([...s].join(','), s.size);
const seen = [];
s.forEach((v, v2, set) => seen.push(v + v2 + (set === s)));
console.log(seen.join(' '));
const obj = { b: 1, 10: 'ten', a: 2, 2: 'two', '-1': 'neg', '01': 'str', [Symbol('s')]: 0 };
console.log(Object.keys(obj).join(','));
console.log(JSON.stringify(Object.entries(obj)));
for (const k in { z: 1, 1: 1, y: 1 }) console.log('for-in', k);
const wm = new WeakMap();
const key = {};
wm.set(key, 'v');
console.log(wm.get(key), wm.has({}), new WeakSet([key]).has(key));
const iter = m.entries();
console.log(JSON.stringify(iter.next()), typeof iter[Symbol.iterator]);
const grouped = new Map();
for (const w of ['apple', 'avocado', 'banana', 'blueberry', 'cherry']) {
  const k = w[0];
  grouped.set(k, (grouped.get(k) || []).concat(w));
}
console.log(JSON.stringify([...grouped]));
console.log(JSON.stringify(Object.fromEntries(m)));
const modified = new Map([[1, 'a'], [2, 'b']]);
const visited = [];
for (const [k] of modified) { visited.push(k); if (k === 1) { modified.delete(2); modified.set(3, 'c'); } }
console.log('mutation during iteration', visited.join(','));
