'use strict';
// util.types: brand checks that do not trust Symbol.toStringTag. Each check
// calls a built-in accessor or method that throws on objects lacking the
// internal slot, which is how a spec-level brand check can be done from JS.

const objToString = Object.prototype.toString;

// brand(tag, Ctor, fn) is a brand check guarded by a cheap filter: only
// values whose default toString tag is `tag`, or that inherit from Ctor, get
// the try/catch probe. Throwing is costly in goja and inspect runs these
// checks on every object it prints; ordinary objects pass neither filter.
function brand(tag, Ctor, fn) {
  const full = `[object ${tag}]`;
  return function (v) {
    if (v === null || typeof v !== 'object') return false;
    if (!(Ctor !== undefined && v instanceof Ctor) && objToString.call(v) !== full) return false;
    try { fn(v); return true; } catch (e) { return false; }
  };
}

const TypedArray = Object.getPrototypeOf(Uint8Array);
const typedArrayTag = Object.getOwnPropertyDescriptor(TypedArray.prototype, Symbol.toStringTag).get;
const abByteLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get;
const sabByteLength = typeof SharedArrayBuffer === 'function' ?
  Object.getOwnPropertyDescriptor(SharedArrayBuffer.prototype, 'byteLength').get : undefined;
const dvByteLength = Object.getOwnPropertyDescriptor(DataView.prototype, 'byteLength').get;
const mapSize = Object.getOwnPropertyDescriptor(Map.prototype, 'size').get;
const setSize = Object.getOwnPropertyDescriptor(Set.prototype, 'size').get;
const regexpSource = Object.getOwnPropertyDescriptor(RegExp.prototype, 'source').get;

function typedArrayName(v) {
  if (v === null || typeof v !== 'object') return undefined;
  return typedArrayTag.call(v);
}
exports.typedArrayName = typedArrayName;
exports.isTypedArray = (v) => typedArrayName(v) !== undefined;
for (const name of ['Uint8Array', 'Uint8ClampedArray', 'Uint16Array', 'Uint32Array', 'Int8Array',
  'Int16Array', 'Int32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array']) {
  exports['is' + name] = (v) => typedArrayName(v) === name;
}
exports.isArrayBuffer = brand('ArrayBuffer', ArrayBuffer, (v) => abByteLength.call(v));
exports.isSharedArrayBuffer = sabByteLength ?
  brand('SharedArrayBuffer', SharedArrayBuffer, (v) => sabByteLength.call(v)) : () => false;
exports.isAnyArrayBuffer = (v) => exports.isArrayBuffer(v) || exports.isSharedArrayBuffer(v);
exports.isArrayBufferView = (v) => ArrayBuffer.isView(v);
exports.isDataView = brand('DataView', DataView, (v) => dvByteLength.call(v));
exports.isMap = brand('Map', Map, (v) => mapSize.call(v));
exports.isSet = brand('Set', Set, (v) => setSize.call(v));
exports.isWeakMap = brand('WeakMap', WeakMap, (v) => WeakMap.prototype.has.call(v, {}));
exports.isWeakSet = brand('WeakSet', WeakSet, (v) => WeakSet.prototype.has.call(v, {}));
exports.isDate = brand('Date', Date, (v) => Date.prototype.getTime.call(v));
const isRegExpBrand = brand('RegExp', RegExp, (v) => regexpSource.call(v));
// RegExp.prototype.source answers "(?:)" for RegExp.prototype itself.
exports.isRegExp = (v) => v !== RegExp.prototype && isRegExpBrand(v);
exports.isPromise = (v) => internal.promiseState(v) !== undefined;
exports.isNativeError = (v) => v instanceof Error ||
  (v !== null && typeof v === 'object' && Object.prototype.toString.call(v) === '[object Error]');
exports.isNumberObject = brand('Number', Number, (v) => Number.prototype.valueOf.call(v));
exports.isStringObject = brand('String', String, (v) => String.prototype.valueOf.call(v));
exports.isBooleanObject = brand('Boolean', Boolean, (v) => Boolean.prototype.valueOf.call(v));
exports.isBigIntObject = typeof BigInt === 'function' ?
  brand('BigInt', BigInt, (v) => BigInt.prototype.valueOf.call(v)) : () => false;
exports.isSymbolObject = brand('Symbol', Symbol, (v) => Symbol.prototype.valueOf.call(v));
exports.isBoxedPrimitive = (v) => exports.isNumberObject(v) || exports.isStringObject(v) ||
  exports.isBooleanObject(v) || exports.isBigIntObject(v) || exports.isSymbolObject(v);
const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor;
const GeneratorFunction = Object.getPrototypeOf(function* () {}).constructor;
// goja gives async methods Function.prototype, so fall back to the source.
exports.isAsyncFunction = (v) => typeof v === 'function' && (v instanceof AsyncFunction ||
  /^async[\s(*]/.test(Function.prototype.toString.call(v)));
exports.isGeneratorFunction = (v) => typeof v === 'function' && v instanceof GeneratorFunction;
exports.isGeneratorObject = (v) => v !== null && typeof v === 'object' &&
  Object.prototype.toString.call(v) === '[object Generator]';
exports.isArgumentsObject = (v) => v !== null && typeof v === 'object' &&
  Object.prototype.toString.call(v) === '[object Arguments]';
exports.isProxy = (v) => internal.isProxy(v);
exports.isMapIterator = (v) => v !== null && typeof v === 'object' &&
  Object.prototype.toString.call(v) === '[object Map Iterator]';
exports.isSetIterator = (v) => v !== null && typeof v === 'object' &&
  Object.prototype.toString.call(v) === '[object Set Iterator]';
exports.isExternal = () => false;
exports.isModuleNamespaceObject = () => false;
