// SharedArrayBuffer and Atomics, which goja lacks (atomics.go is the Go
// half). A SharedArrayBuffer is an ArrayBuffer object over memory that Go
// shares between runtimes, given SharedArrayBuffer.prototype; typed arrays
// view it as they view any ArrayBuffer. Atomics validates here, as V8
// words it, and does the memory operation in Go with sync/atomic.
(function (global, binding) {
'use strict';

const abLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get;
const taTag = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Int8Array.prototype), Symbol.toStringTag).get;
const kMax = 2 ** 53 - 1;

function toIndex(v, what) {
  const n = v === undefined ? 0 : Math.trunc(Number(v)) || 0;
  if (n < 0 || n > kMax) throw new RangeError(what);
  return n;
}

function SharedArrayBuffer(length) {
  if (new.target === undefined) throw new TypeError("Constructor SharedArrayBuffer requires 'new'");
  const n = toIndex(length, 'Invalid array buffer length');
  if (n > 2 ** 32) throw new RangeError('Array buffer allocation failed');
  const proto = new.target.prototype !== null && typeof new.target.prototype === 'object' ? new.target.prototype : SharedArrayBuffer.prototype;
  return binding.newShared(n, proto);
}
function thisShared(self, name) {
  if (!binding.isShared(self)) {
    throw new TypeError(`Method SharedArrayBuffer.prototype.${name} called on incompatible receiver ${String(self)}`);
  }
}
const proto = SharedArrayBuffer.prototype;
Object.defineProperties(proto, {
  byteLength: { get: function byteLength() { thisShared(this, 'byteLength'); return abLength.call(this); }, configurable: true },
  growable: { get: function growable() { thisShared(this, 'growable'); return false; }, configurable: true },
  maxByteLength: { get: function maxByteLength() { thisShared(this, 'maxByteLength'); return abLength.call(this); }, configurable: true },
  slice: {
    value: function slice(start, end) {
      thisShared(this, 'slice');
      const len = abLength.call(this);
      const rel = (v, d) => {
        if (v === undefined) return d;
        const n = Math.trunc(Number(v)) || 0;
        return n < 0 ? Math.max(len + n, 0) : Math.min(n, len);
      };
      const from = rel(start, 0);
      const to = rel(end, len);
      const out = binding.newShared(Math.max(to - from, 0), SharedArrayBuffer.prototype);
      new Uint8Array(out).set(new Uint8Array(this, from, Math.max(to - from, 0)));
      return out;
    },
    writable: true, configurable: true,
  },
  grow: {
    value: function grow() { thisShared(this, 'grow'); throw new TypeError('SharedArrayBuffer is not growable'); },
    writable: true, configurable: true,
  },
  [Symbol.toStringTag]: { value: 'SharedArrayBuffer', configurable: true },
});
Object.defineProperty(SharedArrayBuffer, Symbol.species, { get() { return this; }, configurable: true });

// kinds: the integer typed arrays Atomics accepts, in atomics.go's order.
const kinds = { Int8Array: 0, Uint8Array: 1, Int16Array: 2, Uint16Array: 3, Int32Array: 4, Uint32Array: 5,
  BigInt64Array: 6, BigUint64Array: 7 };
const sizes = [1, 1, 2, 2, 4, 4, 8, 8];

function kindOf(ta) {
  const tag = ArrayBuffer.isView(ta) ? taTag.call(ta) : undefined;
  const k = kinds[tag];
  if (k === undefined) {
    throw new TypeError(`${Object.prototype.toString.call(ta)} is not an integer typed array.`);
  }
  return k;
}
function indexOf(ta, index) {
  const i = toIndex(index, 'Invalid atomic access index');
  if (i >= ta.length) throw new RangeError('Invalid atomic access index');
  return i;
}
// value converts an operand as the spec does: BigInt for the 64-bit kinds,
// else an integer (Go wraps it to the element's width).
function value(k, v) {
  if (k >= 6) return BigInt.asUintN(64, BigInt(v));
  const n = Math.trunc(Number(v));
  return Number.isFinite(n) ? n : 0;
}
function op(code) {
  return function (ta, index, v) {
    const k = kindOf(ta);
    const i = indexOf(ta, index);
    return binding.rmw(code, ta.buffer, ta.byteOffset + i * sizes[k], k, value(k, v));
  };
}

const Atomics = {};
const define = (name, fn) => Object.defineProperty(Atomics, name, { value: fn, writable: true, configurable: true });
define('load', function load(ta, index) {
  const k = kindOf(ta);
  const i = indexOf(ta, index);
  return binding.rmw(0, ta.buffer, ta.byteOffset + i * sizes[k], k, 0);
});
define('store', function store(ta, index, v) {
  const k = kindOf(ta);
  const i = indexOf(ta, index);
  const x = k >= 6 ? BigInt(v) : (Math.trunc(Number(v)) || 0);
  binding.rmw(1, ta.buffer, ta.byteOffset + i * sizes[k], k, value(k, x));
  return x;
});
define('add', op(2));
define('sub', op(3));
define('and', op(4));
define('or', op(5));
define('xor', op(6));
define('exchange', op(7));
define('compareExchange', function compareExchange(ta, index, expected, replacement) {
  const k = kindOf(ta);
  const i = indexOf(ta, index);
  return binding.cas(ta.buffer, ta.byteOffset + i * sizes[k], k, value(k, expected), value(k, replacement));
});
define('isLockFree', function isLockFree(n) { return n === 1 || n === 2 || n === 4 || n === 8; });
function waitable(ta, shared) {
  const k = kindOf(ta);
  if (k !== 4 && k !== 6) throw new TypeError(`${Object.prototype.toString.call(ta)} is not an int32 or BigInt64 typed array.`);
  if (shared && !binding.isShared(ta.buffer)) throw new TypeError(`${Object.prototype.toString.call(ta)} is not a shared typed array.`);
  return k;
}
define('wait', function wait(ta, index, v, timeout) {
  const k = waitable(ta, true);
  const i = indexOf(ta, index);
  let t = timeout === undefined ? Infinity : Number(timeout);
  if (Number.isNaN(t)) t = Infinity;
  return binding.wait(ta.buffer, ta.byteOffset + i * sizes[k], k, value(k, v), Math.max(t, 0));
});
define('waitAsync', function waitAsync(ta, index, v, timeout) {
  const k = waitable(ta, true);
  const i = indexOf(ta, index);
  let t = timeout === undefined ? Infinity : Number(timeout);
  if (Number.isNaN(t)) t = Infinity;
  const r = binding.waitAsync(ta.buffer, ta.byteOffset + i * sizes[k], k, value(k, v), Math.max(t, 0));
  if (typeof r === 'string') return { async: false, value: r };
  return { async: true, value: r };
});
define('notify', function notify(ta, index, count) {
  const k = waitable(ta, false);
  const i = indexOf(ta, index);
  let c = count === undefined ? Infinity : Math.max(Math.trunc(Number(count)) || 0, 0);
  if (!binding.isShared(ta.buffer)) return 0;
  return binding.notify(ta.buffer, ta.byteOffset + i * sizes[k], c === Infinity ? -1 : c);
});
Object.defineProperty(Atomics, Symbol.toStringTag, { value: 'Atomics', configurable: true });

Object.defineProperty(global, 'SharedArrayBuffer', { value: SharedArrayBuffer, writable: true, configurable: true });
Object.defineProperty(global, 'Atomics', { value: Atomics, writable: true, configurable: true });
})
