// Destructuring with defaults, renames, rest, nested patterns, swapping,
// parameters (nested defaults in parameters: lang_destructuring_nested.js);
// spread of arrays, objects, strings; optional chaining and ??.
const { a, b: renamed, c = 'default', ...rest } = { a: 1, b: 2, d: 4, e: 5 };
console.log(a, renamed, c, JSON.stringify(rest));
const [x, , y = 'dy', ...others] = [10, 20, undefined, 40, 50];
console.log(x, y, others.join(','));
const { n: { deep: [first, { leaf }] } } = { n: { deep: ['f', { leaf: 'L' }] } };
console.log(first, leaf);
let p = 1, q = 2;
[p, q] = [q, p];
console.log('swap', p, q);
function params({ name = 'anon', tags = [] } = {}, ...more) { return `${name}/${tags[0]}/${more.length}`; }
console.log(params(), params({ name: 'N', tags: ['T'] }, 1, 2));
console.log([...'héllo'].length, [...new Set([1, 1, 2])].join(','), Math.max(...[3, 9, 2]));
const merged = { ...{ a: 1, b: 1 }, ...{ b: 2 }, ...null, ...'hi' };
console.log(JSON.stringify(merged));
const o = { deep: { fn: () => 'called' } };
console.log(o?.deep?.fn?.(), o.missing?.fn(), o.deep.nope?.(), o.missing?.[0]);
console.log(null ?? 'dflt', 0 ?? 'dflt', '' || 'or', 0 || null);
let z = null;
z ??= 'set';
let w = 1;
w ||= 'not set';
let v = 1;
v &&= 'and-set';
console.log(z, w, v);
const key = 'dyn';
const { [key]: dynVal } = { dyn: 'dynamic' };
console.log(dynVal);
for (const [k, val] of Object.entries({ one: 1, two: 2 })) console.log(k, val);
const arr = [[1, 'a'], [2, 'b']];
console.log(arr.map(([n, s]) => s.repeat(n)).join(' '));
