// JSON.stringify indentation with numbers, strings, clamping, and empty
// containers.
const v = { a: 1, b: [1, 2, { c: 'x' }], d: {}, e: [], f: { g: null } };
console.log(JSON.stringify(v, null, 2));
console.log(JSON.stringify(v, null, '\t'));
console.log(JSON.stringify([1, [2, [3]]], null, 20) === JSON.stringify([1, [2, [3]]], null, 10));
console.log(JSON.stringify({ a: [1] }, null, '-->'));
console.log(JSON.stringify({ a: 1 }, null, 'abcdefghijklmnop'));
console.log(JSON.stringify([], null, 2), JSON.stringify({}, null, 2));
console.log(JSON.stringify({ k: 'v' }, null, -1));
console.log(JSON.stringify({ k: [undefined] }, null, 1));
