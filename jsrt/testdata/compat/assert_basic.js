// assert: passing checks print nothing; failing ones throw AssertionError
// with code ERR_ASSERTION. Messages are compared only for simple cases.
const assert = require('assert');
function attempt(label, fn) {
  try {
    fn();
    console.log(label, 'passed');
  } catch (e) {
    console.log(label, '|', e.name, e.code, e instanceof assert.AssertionError, e.generatedMessage);
    console.log('  message:', JSON.stringify(e.message));
    console.log('  operator:', e.operator, 'actual:', JSON.stringify(e.actual), 'expected:', JSON.stringify(e.expected));
  }
}
attempt('ok', () => assert.ok(1));
attempt('assert()', () => assert(true));
attempt('equal', () => assert.equal(1, '1'));
attempt('strictEqual', () => assert.strictEqual('a', 'a'));
attempt('deepStrictEqual', () => assert.deepStrictEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }));
attempt('deepEqual loose', () => assert.deepEqual({ a: 1 }, { a: '1' }));
attempt('notStrictEqual', () => assert.notStrictEqual(1, 2));
attempt('ok false custom', () => assert.ok(false, 'custom message'));
attempt('strictEqual fail', () => assert.strictEqual(1, 2));
attempt('strictEqual custom', () => assert.strictEqual(1, 2, 'one is not two'));
attempt('notStrictEqual fail', () => assert.notStrictEqual(5, 5));
attempt('fail', () => assert.fail('explicit failure'));
attempt('equal fail custom', () => assert.equal(3, 4, 'three vs four'));
attempt('custom Error', () => assert.ok(0, new RangeError('my own error')));
attempt('throws ok', () => assert.throws(() => { throw new TypeError('bad'); }, TypeError));
attempt('throws regexp', () => assert.throws(() => { throw new Error('abc'); }, /b/));
attempt('throws object', () => assert.throws(() => { throw new Error('xyz'); }, { message: 'xyz' }));
attempt('doesNotThrow', () => assert.doesNotThrow(() => 1));
attempt('match', () => assert.match('hello', /ell/));
attempt('strict mode', () => assert.strict.equal(1, 1));
try {
  assert.throws(() => {});
} catch (e) {
  console.log('throws fail', e.code, e.message.split('\n')[0]);
}
try {
  assert.deepStrictEqual([1, 2], [1, 3]);
} catch (e) {
  console.log('deep fail', e.code, e.operator, e.message.split('\n')[0]);
}
(async () => {
  await assert.rejects(Promise.reject(new Error('r')), /r/);
  console.log('rejects passed');
  try {
    await assert.rejects(Promise.resolve(1));
  } catch (e) {
    console.log('rejects fail', e.code, e.message.split('\n')[0]);
  }
  await assert.doesNotReject(Promise.resolve());
  console.log('doesNotReject passed');
})();
