const util = require('util');
const te = new TextEncoder(); const td = new TextDecoder();
console.log(te.encoding, te.encode('hé€😀'), te.encode(), te.encodeInto('héllo', new Uint8Array(3)), td.encoding, td.fatal, td.ignoreBOM);
console.log(td.decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0x69])), new TextDecoder('utf-8', { ignoreBOM: true }).decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x68])).length, td.decode(new Uint8Array([0xe2, 0x82, 0xac]).buffer), td.decode(new DataView(new Uint8Array([0x41]).buffer)), td.decode());
const st = new TextDecoder(); console.log(JSON.stringify([st.decode(new Uint8Array([0xe2, 0x82]), { stream: true }), st.decode(new Uint8Array([0xac]), { stream: true }), st.decode()]));
try { new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array([0xff])) } catch (e) { console.log(e.name, e.code, e.message) }
try { new TextDecoder('klingon') } catch (e) { console.log(e.name, e.code, e.message) }
console.log(new TextDecoder('utf-16le').decode(new Uint8Array([0x61, 0, 0xac, 0x20])), new TextDecoder('latin1').encoding);
function cbStyle(a, b, cb) { setImmediate(() => cb(a === 'fail' ? new Error('nope') : null, a + b)); }
const p = util.promisify(cbStyle); p('x', 'y').then((v) => console.log('resolved', v)); p('fail', 1).catch((e) => console.log('rejected', e.message));
function custom() {} custom[util.promisify.custom] = () => Promise.resolve('custom!'); util.promisify(custom)().then(console.log); console.log(util.promisify(custom) === custom[util.promisify.custom]);
const cbf = util.callbackify(async (x) => x * 2); cbf(21, (err, v) => console.log('callbackified', err, v));
util.callbackify(async () => { throw null; })((err) => console.log('falsy rejection', err.code, err.message, err.reason));
function Animal(n) { this.name = n; } Animal.prototype.speak = function () { return this.name + ' speaks'; };
function Dog(n) { Animal.call(this, n); } util.inherits(Dog, Animal); const d = new Dog('rex'); console.log(d.speak(), d instanceof Animal, Dog.super_ === Animal, d);
try { util.inherits(Dog, null) } catch (e) { console.log(e.code, e.message) }
try { util.promisify(5) } catch (e) { console.log(e.code, e.message) }
console.log(util.isDeepStrictEqual(new Map([[1, {a: 1}]]), new Map([[1, {a: 1}]])), util.isDeepStrictEqual(new Set([{}]), new Set([{}])), util.isDeepStrictEqual([1, 2], [1, 2, 3]), util.isDeepStrictEqual(NaN, NaN), util.isDeepStrictEqual(0, -0), util.isDeepStrictEqual({a: undefined}, {}), util.isDeepStrictEqual(new Date(1), new Date(1)), util.isDeepStrictEqual(/a/g, /a/i), util.isDeepStrictEqual(Buffer.from('a'), Buffer.from('a')));
const t = util.types;
console.log(t.isPromise(Promise.resolve()), t.isPromise({then(){}}), t.isRegExp(/x/), t.isDate(new Date()), t.isMap(new Map()), t.isSet(new Set()), t.isWeakMap(new WeakMap()), t.isTypedArray(new Uint8Array()), t.isTypedArray(Buffer.alloc(1)), t.isUint8Array(Buffer.alloc(1)), t.isAnyArrayBuffer(new ArrayBuffer(1)), t.isArrayBufferView(new DataView(new ArrayBuffer(1))), t.isAsyncFunction(async () => {}), t.isGeneratorFunction(function* () {}), t.isNativeError(new TypeError()), t.isBoxedPrimitive(Object(1)), t.isDataView(new DataView(new ArrayBuffer(1))), t.isSetIterator(new Set().values()), t.isMapIterator(new Map().keys()));
console.log(util.isArray([]), util.format('%s', util.inspect.custom), typeof util.debuglog('x'), util.debuglog('x').enabled, util.stripVTControlCharacters('\u001b[31mred\u001b[39m'), util.toUSVString('a\ud800b'));
console.log(util.inspect({a: 1, b: 'two'}, {colors: true}), util.inspect(new Map([[1, 2]]), {showHidden: true}), util.inspect([1, [2, [3, [4, [5]]]]], {depth: Infinity}));
class P { constructor() { this.pub = 1; this._under = 2; } get computed() { return 3; } static stat() {} }
console.log(new P(), P, Object.assign(Object.create(P.prototype), {x: 1}), [new P()], {p: new P()});
class Q extends P { constructor() { super(); this.q = true; } } console.log(new Q(), Q, Object.getPrototypeOf(Q) === P);
class Arr extends Array {} const arr = Arr.from([1, 2]); console.log(arr, new (class M extends Map {})([[1, 2]]), new (class S extends Set {})());
const fnp = function withProps() {}; fnp.a = 1; console.log(fnp, [fnp], Object.assign(() => {}, {b: 2}));
console.log({s: Symbol('x'), [Symbol('key')]: 'v', [Symbol()]: 1, [Symbol.iterator]: 2});
console.log([new Date(NaN), new Date(86400000)], Object.assign(new Date(0), {extra: 1}), Object.assign(/x/, {prop: 1}));
console.log(new Number(-0), new String('str'), Object.assign(new String('ab'), {p: 1}), Object(10n));
console.log({ und: undefined, nul: null, fn() {}, async af() {}, *gen() {}, arrow: () => 1 });
console.log(new Array(3).fill({x: 1}), [[], {}, [[]], [{}]], { 'a-b': { 'c d': [ { 'e.f': 1 } ] } });
console.log([1, 2, 3].keys(), 'x'.repeat(200).length, ['x'.repeat(100)]);
console.log(Object.defineProperty({}, 'hidden', { value: 1, enumerable: false }), Object.defineProperty({v: 1}, 'acc', { get() { return 1; }, set(v) {}, enumerable: true }), Object.defineProperty({}, 'w', { set(v) {}, enumerable: true }));
console.log(globalThis === globalThis, typeof globalThis, [undefined, , null].length, { __proto__: { inherited: 1 }, own: 2 }, { ['__proto__']: 1 });
try { util.formatWithOptions(null, 'x') } catch (e) { console.log(e.code, e.message) }
try { util.inspect.defaultOptions = null } catch (e) { console.log(e.code, e.message) }
console.log(util.formatWithOptions({ compact: false }, '%O', { a: [1] }), util.formatWithOptions({ colors: true }, 'n', 1));
console.log(new TextEncoder(), new TextDecoder(), [new TextDecoder('utf-16le', {fatal: true})])
