// JSON.parse with reviver, JSON.stringify with replacer (function and
// array), toJSON, special values, unicode escapes, key order.
const text = '{"b":1,"a":[true,null,"s\\u00e9"],"2":"num","1":"one","d":{"x":1.5e2}}';
const obj = JSON.parse(text);
console.log(JSON.stringify(obj));
console.log(Object.keys(obj).join(','));
console.log(JSON.stringify(JSON.parse(text, (k, v) => (typeof v === 'number' ? v * 2 : v))));
console.log(JSON.stringify(obj, ['a', 'b']));
console.log(JSON.stringify(obj, (k, v) => (k === 'a' ? undefined : v)));
console.log(JSON.stringify({ u: undefined, f() {}, s: Symbol('x'), n: null, nan: NaN, inf: -Infinity, neg0: -0 }));
console.log(JSON.stringify([undefined, function () {}, Symbol('y')]));
console.log(JSON.stringify({ date: new Date(Date.UTC(2021, 0, 2, 3, 4, 5)) }));
console.log(JSON.stringify({ toJSON() { return { replaced: true }; } }));
console.log(JSON.stringify('quote " backslash \\ newline \n tab \t ctrl \u0001 emoji 😀 lone \ud800'));
console.log(JSON.stringify(new Map([[1, 2]])), JSON.stringify(new Set([1])), JSON.stringify(Object.create(null)));
console.log(JSON.stringify(null), JSON.stringify(undefined), JSON.stringify(() => 1), JSON.stringify('s'));
console.log(JSON.parse('"\\u0041\\n"'), JSON.parse(' [1, 2.5e-3, -0] ').join('|'), Object.is(JSON.parse('-0'), -0));
console.log(JSON.stringify({ nested: { arr: [1, { deep: [] }], empty: {} } }));
console.log(JSON.stringify([new Number(3), new String('s'), new Boolean(false)]));
console.log(JSON.stringify({ a: 1 }, null, 0) === '{"a":1}');
