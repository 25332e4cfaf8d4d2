// Error messages that the ECMAScript engines word the same way (checked
// against node and goja). Cases where the wording differs are deliberately
// left out; errors_types.js compares only the error classes for those.
const cases = {
  constAssign: () => { const c = 1; c = 2; },
  symbolNew: () => { new Symbol(); },
  symbolToString: () => Symbol() + '',
  bigintMix: () => BigInt(1) + 1,
  arrayLength: () => new Array(-1),
  bigintJSON: () => JSON.stringify({ n: 1n }),
  undefinedVar: () => undefinedVariable, // eslint-disable-line no-undef
  defineOnPrimitive: () => Object.defineProperty(1, 'x', {}),
  invalidTime: () => new Date(NaN).toISOString(),
  userError: () => { throw new RangeError('custom text'); },
  errorCause: () => { throw new Error('outer', { cause: 'inner' }); },
};
for (const [name, fn] of Object.entries(cases)) {
  try {
    fn();
    console.log(name, 'did not throw');
  } catch (e) {
    console.log(name, '|', e.name, '|', e.message, '|', e instanceof Error, e.constructor === globalThis[e.name]);
    if (e.cause !== undefined) console.log('  cause', e.cause);
  }
}
const e = new TypeError('t');
console.log(String(e), Object.prototype.toString.call(e), e.stack.split('\n')[0]);
console.log(Object.keys(new Error('x')).length, 'message' in e, Object.getOwnPropertyNames(e).includes('message'));
class MyError extends Error {
  constructor(msg) { super(msg); this.name = 'MyError'; this.code = 'E_MINE'; }
}
try { throw new MyError('mine'); } catch (err) {
  console.log(String(err), err.code, err instanceof MyError, err instanceof Error, err.stack.split('\n')[0]);
}
const agg = new AggregateError([new Error('a'), new Error('b')], 'many');
console.log(agg.name, agg.message, agg.errors.length);
