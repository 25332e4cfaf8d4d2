// util.promisify / callbackify, util.types predicates, inherits, deprecate
// returning a function, TextEncoder/TextDecoder.
const util = require('util');
function cbStyle(a, b, cb) { setTimeout(() => (a < 0 ? cb(new Error('neg')) : cb(null, a + b)), 1); }
const p = util.promisify(cbStyle);
(async () => {
  console.log('promisified', await p(2, 3));
  try { await p(-1, 0); } catch (e) { console.log('rejected', e.message); }
  const sleep = util.promisify(setTimeout);
  console.log('setTimeout promisified', await sleep(1, 'val'));
  const cbf = util.callbackify(async (x) => x * 2);
  cbf(21, (err, v) => console.log('callbackified', err, v));
  const cbr = util.callbackify(async () => { throw null; });
  cbr((err) => console.log('callbackify null reason', err.code, err.reason));
})();
const t = util.types;
console.log('isPromise', t.isPromise(Promise.resolve()), t.isPromise({ then() {} }));
console.log('isDate', t.isDate(new Date()), t.isDate('2020'));
console.log('isRegExp', t.isRegExp(/x/), t.isRegExp('x'));
console.log('isMap/Set', t.isMap(new Map()), t.isSet(new Set()), t.isWeakMap(new WeakMap()));
console.log('isTypedArray', t.isTypedArray(new Uint8Array()), t.isUint8Array(Buffer.alloc(1)), t.isTypedArray([]));
console.log('isArrayBuffer', t.isArrayBuffer(new ArrayBuffer(1)), t.isAnyArrayBuffer(new ArrayBuffer(1)));
console.log('isAsyncFunction', t.isAsyncFunction(async () => {}), t.isAsyncFunction(() => {}));
console.log('isGeneratorFunction', t.isGeneratorFunction(function* () {}), t.isGeneratorObject((function* () {})()));
console.log('isNativeError', t.isNativeError(new TypeError()), t.isNativeError({ message: 'x' }));
console.log('isBoxedPrimitive', t.isBoxedPrimitive(new String('')), t.isBoxedPrimitive(''));
console.log('isProxy', t.isProxy(new Proxy({}, {})), t.isProxy({}));
function Base() {}
Base.prototype.hello = function () { return 'hello from base'; };
function Derived() { Base.call(this); }
util.inherits(Derived, Base);
console.log('inherits', new Derived().hello(), Derived.super_ === Base);
console.log('deprecate', typeof util.deprecate(() => 1, 'msg'));
console.log('isArray', util.isArray([]), typeof util.inspect, typeof util.TextEncoder);
const enc = new TextEncoder().encode('é€');
console.log('TextEncoder', enc.constructor.name, Array.from(enc).join(','));
console.log('TextDecoder', new TextDecoder().decode(enc), new TextDecoder('utf-8').encoding);
console.log('promisify.custom', typeof util.promisify.custom);
