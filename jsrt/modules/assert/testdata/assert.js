const assert = require('assert');
const tests = [
  () => assert.strictEqual(1, 2), () => assert.strictEqual('hello world', 'hello there'), () => assert.strictEqual({a: 1}, {a: 1}),
  () => assert.deepStrictEqual({a: 1, b: [1, 2]}, {a: 1, b: [1, 3]}), () => assert.deepEqual({a: 1}, {a: 2}), () => assert.equal(1, 2),
  () => assert.notEqual(1, 1), () => assert.notStrictEqual(1, 1), () => assert.notDeepStrictEqual({a: 1}, {a: 1}),
  () => assert(false, 'custom msg'), () => assert.throws(() => {}), () => assert.throws(() => { throw new Error('foo') }, /bar/),
  () => assert.throws(() => { throw new Error('foo') }, TypeError), () => assert.throws(() => { throw new Error('foo') }, { message: 'bar' }),
  () => assert.doesNotThrow(() => { throw new Error('oops') }), () => assert.match('abc', /x/), () => assert.fail(), () => assert.fail('boom'),
  () => assert.ifError(new Error('e')), () => assert.deepStrictEqual([1, 2, 3], [1, 2, 4]), () => assert.strictEqual(NaN, 0), () => assert.deepStrictEqual(1, '1'),
  () => assert.ok(), () => assert.strictEqual([1,2,3,4,5,6,7,8], [1,2,3,4,5,6,7,8]), () => assert.throws(() => { throw new Error('foo') }, (e) => false),
  () => assert.doesNotMatch('abc', /b/), () => assert.notDeepEqual({a:1}, {a:1}), () => assert.deepStrictEqual({a: {b: {c: 1, d: 2}}}, {a: {b: {c: 1, d: 3}}}),
];
for (const t of tests) {
  try { t(); console.log('passed'); } catch (e) {
    console.log('---', e.name, e.code, e.generatedMessage, e.operator, JSON.stringify(e.message));
  }
}
const e = (() => { try { assert.strictEqual(1, 2) } catch (e) { return e } })();
console.log(Object.keys(e), String(e));
console.log(require('util').inspect(e).split('\n')[0]);
console.log(assert.strict.strict === assert.strict, assert.strict.equal === assert.strictEqual, typeof assert.AssertionError, new assert.AssertionError({actual: 1, expected: 2, operator: 'strictEqual'}).message);
assert.rejects(Promise.reject(new Error('r')), /r/).then(() => console.log('rejects ok'));
assert.rejects(Promise.resolve(1)).catch((e) => console.log('rejects fail', e.message));
