'use strict';
// Deep equality for util.isDeepStrictEqual and assert.deepEqual /
// assert.deepStrictEqual, following the rules node documents for them.

const types = require('internal/types');

const kStrict = true;
const kLoose = false;

function tagOf(v) { return Object.prototype.toString.call(v); }

function ownKeys(obj, strict) {
  const keys = Object.keys(obj);
  if (!strict) return keys;
  for (const s of Object.getOwnPropertySymbols(obj)) {
    if (Object.prototype.propertyIsEnumerable.call(obj, s)) keys.push(s);
  }
  return keys;
}

function isPrimitiveEqual(a, b, strict) {
  if (strict) return Object.is(a, b);
  // eslint-disable-next-line eqeqeq
  return a == b || (a !== a && b !== b);
}

function innerDeepEqual(a, b, strict, memos) {
  if (a === b) return a !== 0 || !strict || Object.is(a, b);
  if (strict) {
    if (typeof a !== 'object') return typeof a === 'number' && Number.isNaN(a) && Number.isNaN(b);
    if (typeof b !== 'object' || a === null || b === null) return false;
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  } else {
    if (a === null || typeof a !== 'object') {
      if (b === null || typeof b !== 'object') return isPrimitiveEqual(a, b, false);
      return false;
    }
    if (b === null || typeof b !== 'object') return false;
  }
  const tag = tagOf(a);
  if (tag !== tagOf(b)) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
  } else if (tag === '[object Object]' && (types.isMap(a) || types.isSet(a) ||
      types.isMap(b) || types.isSet(b))) {
    if (types.isMap(a) !== types.isMap(b) || types.isSet(a) !== types.isSet(b)) return false;
  }
  if (types.isDate(a)) {
    if (!types.isDate(b) || a.getTime() !== b.getTime()) return false;
  } else if (types.isRegExp(a)) {
    if (!types.isRegExp(b) || a.source !== b.source || a.flags !== b.flags ||
        a.lastIndex !== b.lastIndex) return false;
  } else if (types.isNativeError(a) || a instanceof Error) {
    if (!(types.isNativeError(b) || b instanceof Error) || a.message !== b.message ||
        a.name !== b.name) return false;
  } else if (types.isArrayBufferView(a)) {
    if (!types.isArrayBufferView(b)) return false;
    if (strict && types.typedArrayName(a) !== types.typedArrayName(b)) return false;
    if (!strict && (types.typedArrayName(a) === 'Float32Array' || types.typedArrayName(a) === 'Float64Array')) {
      if (a.length !== b.length) return false;
      for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    } else {
      const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
      const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
      if (x.length !== y.length) return false;
      for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
    }
  } else if (types.isAnyArrayBuffer(a)) {
    if (!types.isAnyArrayBuffer(b) || a.byteLength !== b.byteLength) return false;
    const x = new Uint8Array(a);
    const y = new Uint8Array(b);
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  } else if (types.isBoxedPrimitive(a)) {
    if (!types.isBoxedPrimitive(b) || !Object.is(a.valueOf(), b.valueOf())) return false;
  } else if (types.isBoxedPrimitive(b)) {
    return false;
  }
  return keyCheck(a, b, strict, memos);
}

function keyCheck(a, b, strict, memos) {
  const aKeys = ownKeys(a, strict);
  const bKeys = ownKeys(b, strict);
  if (aKeys.length !== bKeys.length) return false;
  for (const k of aKeys) {
    if (!Object.prototype.propertyIsEnumerable.call(b, k)) return false;
  }
  if (memos === undefined) memos = { a: new Map(), b: new Map(), pos: 0 };
  else {
    const ma = memos.a.get(a);
    if (ma !== undefined) {
      const mb = memos.b.get(b);
      if (mb !== undefined) return ma === mb;
    }
    memos.pos++;
  }
  memos.a.set(a, memos.pos);
  memos.b.set(b, memos.pos);
  const res = objEquiv(a, b, strict, aKeys, memos);
  memos.a.delete(a);
  memos.b.delete(b);
  return res;
}

function objEquiv(a, b, strict, keys, memos) {
  if (Array.isArray(a)) {
    for (let i = 0; i < a.length; i++) {
      const ha = Object.prototype.hasOwnProperty.call(a, i);
      if (ha !== Object.prototype.hasOwnProperty.call(b, i) && strict) return false;
      if (!innerDeepEqual(a[i], b[i], strict, memos)) return false;
    }
  } else if (types.isSet(a)) {
    if (!setEquiv(a, b, strict, memos)) return false;
  } else if (types.isMap(a)) {
    if (!mapEquiv(a, b, strict, memos)) return false;
  }
  for (const k of keys) {
    if (Array.isArray(a) && /^(0|[1-9][0-9]*)$/.test(k)) continue;
    if (!innerDeepEqual(a[k], b[k], strict, memos)) return false;
  }
  return true;
}

function setEquiv(a, b, strict, memos) {
  if (a.size !== b.size) return false;
  const pending = [];
  for (const v of a) {
    if (v !== null && typeof v === 'object') pending.push(v);
    else if (!b.has(v)) {
      if (strict) return false;
      pending.push(v);
    }
  }
  if (pending.length === 0) return true;
  const candidates = [];
  for (const v of b) {
    if ((v !== null && typeof v === 'object') || !a.has(v)) candidates.push(v);
  }
  outer: for (const v of pending) {
    for (let i = 0; i < candidates.length; i++) {
      if (innerDeepEqual(v, candidates[i], strict, memos)) {
        candidates.splice(i, 1);
        continue outer;
      }
    }
    return false;
  }
  return true;
}

function mapEquiv(a, b, strict, memos) {
  if (a.size !== b.size) return false;
  const pending = [];
  for (const [k, v] of a) {
    if (k !== null && typeof k === 'object') pending.push([k, v]);
    else if (b.has(k) && innerDeepEqual(v, b.get(k), strict, memos)) continue;
    else if (strict) return false;
    else pending.push([k, v]);
  }
  if (pending.length === 0) return true;
  const candidates = [];
  for (const [k, v] of b) {
    if ((k !== null && typeof k === 'object') || !a.has(k)) candidates.push([k, v]);
  }
  outer: for (const [k, v] of pending) {
    for (let i = 0; i < candidates.length; i++) {
      if (innerDeepEqual(k, candidates[i][0], strict, memos) &&
          innerDeepEqual(v, candidates[i][1], strict, memos)) {
        candidates.splice(i, 1);
        continue outer;
      }
    }
    return false;
  }
  return true;
}

exports.isDeepEqual = (a, b) => innerDeepEqual(a, b, kLoose);
exports.isDeepStrictEqual = (a, b) => innerDeepEqual(a, b, kStrict);
