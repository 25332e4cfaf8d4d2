// Nested destructuring patterns with defaults in parameter lists and in
// catch and for-of bindings.
function params({ name = 'anon', tags: [t1 = 'none'] = [] } = {}, ...more) { return `${name}/${t1}/${more.length}`; }
console.log(params(), params({ name: 'N', tags: ['T'] }, 1, 2), params({ tags: [] }));
const arrow = ([a, [b = 'B'] = []] = []) => `${a}-${b}`;
console.log(arrow(), arrow([1]), arrow([1, [2]]));
try { throw { code: 'E1', detail: { line: 3 } }; } catch ({ code, detail: { line = 0 } = {} }) { console.log(code, line); }
for (const { k, v: [first = 'f'] = [] } of [{ k: 1 }, { k: 2, v: ['x'] }]) console.log(k, first);
const { a: { b: { c = 'deep default' } = {} } = {} } = {};
console.log(c);
