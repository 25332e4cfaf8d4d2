// util.inspect options: depth, breakLength, compact, sorted, maxArrayLength,
// getters, numericSeparator; and defaultOptions is not changed.
const { inspect } = require('util');
const v = { b: [1, 2, { c: { d: { e: 'deep' } } }], a: 'x'.repeat(30), n: 1234567.891 };
console.log(inspect(v, { depth: null }));
console.log(inspect(v, { depth: 1 }));
console.log(inspect(v, { breakLength: Infinity, depth: 5 }));
console.log(inspect(v, { compact: 1 }));
console.log(inspect(v, { compact: true, breakLength: 40 }));
console.log(inspect({ z: 1, a: 2, m: { y: 1, b: 2 } }, { sorted: true }));
console.log(inspect(Array.from({ length: 10 }, (_, i) => i), { maxArrayLength: 3 }));
console.log(inspect(new Set([1, 2, 3, 4]), { maxArrayLength: 2 }));
console.log(inspect({ get g() { return { x: 1 }; } }, { getters: true }));
console.log(inspect(123456789.5, { numericSeparator: true }), inspect(-1234n, { numericSeparator: true }));
console.log(inspect('str', { colors: true }), inspect(5, { colors: true }), inspect(null, { colors: true }));
console.log(inspect({ a: [{}] }, false, 0), inspect({ a: { b: {} } }, false, 1));
console.log(inspect.defaultOptions.depth, typeof inspect.custom, inspect.custom === Symbol.for('nodejs.util.inspect.custom'));
