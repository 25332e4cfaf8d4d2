// Web-platform globals node 20 has and scripts commonly use: structuredClone,
// Event/EventTarget/CustomEvent, AbortController/AbortSignal, DOMException.
// Also returns timers/promises. Evaluated once per runtime (see web.go).
(function (global, timers, requireCore) {
'use strict';

function cloneError(name, message) {
  return new DOMException(message, name);
}

function structuredClone(value, options) {
  if (arguments.length === 0) {
    const err = new TypeError("The \"value\" argument must be specified");
    err.code = 'ERR_MISSING_ARGS';
    throw err;
  }
  const seen = new Map();
  function clone(v) {
    if (v === null || (typeof v !== 'object' && typeof v !== 'function')) {
      if (typeof v === 'symbol') throw cloneError('DataCloneError', String(v) + ' could not be cloned.');
      return v;
    }
    if (typeof v === 'function') throw cloneError('DataCloneError', String(v) + ' could not be cloned.');
    if (seen.has(v)) return seen.get(v);
    let out;
    if (Array.isArray(v)) {
      out = new Array(v.length);
      seen.set(v, out);
      for (const k of Object.keys(v)) out[k] = clone(v[k]);
      return out;
    }
    if (v instanceof Date) out = new Date(v.getTime());
    else if (v instanceof RegExp) out = new RegExp(v.source, v.flags);
    else if (v instanceof Map) {
      out = new Map();
      seen.set(v, out);
      for (const [k, x] of v) out.set(clone(k), clone(x));
      return out;
    } else if (v instanceof Set) {
      out = new Set();
      seen.set(v, out);
      for (const x of v) out.add(clone(x));
      return out;
    } else if (v instanceof ArrayBuffer) out = v.slice(0);
    else if (ArrayBuffer.isView(v)) {
      const Ctor = (typeof Buffer === 'function' && v instanceof Buffer) ? Uint8Array : v.constructor;
      out = new Ctor(v.buffer.slice(v.byteOffset, v.byteOffset + v.byteLength));
    } else if (v instanceof Error) {
      const Ctor = { EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError }[v.name] || Error;
      out = new Ctor(v.message);
      out.stack = v.stack;
      if ('cause' in v) out.cause = clone(v.cause);
    } else if (v instanceof Boolean || v instanceof Number || v instanceof String) {
      out = Object(v.valueOf());
    } else {
      out = {};
      seen.set(v, out);
      for (const k of Object.keys(v)) out[k] = clone(v[k]);
      return out;
    }
    seen.set(v, out);
    return out;
  }
  return clone(value);
}

class DOMException extends Error {
  constructor(message = '', name = 'Error') {
    super(message);
    Object.defineProperty(this, 'name', { value: String(name), writable: true, configurable: true });
  }
  get code() {
    return { IndexSizeError: 1, NotFoundError: 8, NotSupportedError: 9, InvalidStateError: 11,
      SyntaxError: 12, InvalidAccessError: 15, TimeoutError: 23, DataCloneError: 25, AbortError: 20 }[this.name] || 0;
  }
}

const kStop = Symbol('stop');
class Event {
  constructor(type, options = {}) {
    if (arguments.length === 0) throw new TypeError('The "type" argument must be specified');
    this.type = String(type);
    this.bubbles = !!options.bubbles;
    this.cancelable = !!options.cancelable;
    this.composed = !!options.composed;
    this.defaultPrevented = false;
    this.timeStamp = typeof performance !== 'undefined' ? performance.now() : Date.now();
    this.target = null;
    this.currentTarget = null;
    this[kStop] = false;
  }
  preventDefault() { if (this.cancelable) this.defaultPrevented = true; }
  stopPropagation() {}
  stopImmediatePropagation() { this[kStop] = true; }
  get srcElement() { return this.target; }
}

class CustomEvent extends Event {
  constructor(type, options = {}) {
    super(type, options);
    this.detail = options.detail === undefined ? null : options.detail;
  }
}

// MessageEvent: what MessagePort, BroadcastChannel and Worker deliver to
// onmessage / 'message' listeners (worker_threads.js builds them).
const kMsg = Symbol('kMessageEvent');
class MessageEvent extends Event {
  constructor(type, options = {}) {
    if (arguments.length === 0) throw new TypeError('The "type" argument must be specified');
    super(type, options);
    const o = options == null ? {} : options;
    Object.defineProperty(this, kMsg, { value: {
      data: o.data === undefined ? null : o.data,
      origin: o.origin === undefined ? '' : String(o.origin),
      lastEventId: o.lastEventId === undefined ? '' : String(o.lastEventId),
      source: o.source === undefined ? null : o.source,
      ports: o.ports === undefined ? [] : [...o.ports],
    } });
  }
  get data() { return this[kMsg].data; }
  get origin() { return this[kMsg].origin; }
  get lastEventId() { return this[kMsg].lastEventId; }
  get source() { return this[kMsg].source; }
  get ports() { return this[kMsg].ports; }
}

const kListeners = Symbol('listeners');
class EventTarget {
  constructor() { this[kListeners] = new Map(); }
  addEventListener(type, listener, options) {
    if (listener == null) return;
    const once = typeof options === 'object' && options !== null && !!options.once;
    const list = this[kListeners].get(type) || [];
    if (list.some((l) => l.listener === listener)) return;
    list.push({ listener, once });
    this[kListeners].set(type, list);
    if (options && options.signal) {
      options.signal.addEventListener('abort', () => this.removeEventListener(type, listener));
    }
  }
  removeEventListener(type, listener) {
    const list = this[kListeners].get(type);
    if (!list) return;
    const i = list.findIndex((l) => l.listener === listener);
    if (i >= 0) list.splice(i, 1);
  }
  dispatchEvent(event) {
    if (!(event instanceof Event)) throw new TypeError('The "event" argument must be an instance of Event.');
    event.target = this;
    event.currentTarget = this;
    const list = (this[kListeners].get(event.type) || []).slice();
    for (const l of list) {
      if (l.once) this.removeEventListener(event.type, l.listener);
      try {
        if (typeof l.listener === 'function') l.listener.call(this, event);
        else if (l.listener && typeof l.listener.handleEvent === 'function') l.listener.handleEvent(event);
      } catch (err) {
        process.nextTick(() => { throw err; });
      }
      if (event[kStop]) break;
    }
    event.currentTarget = null;
    return !event.defaultPrevented;
  }
}

// As node, the state of signals and controllers is behind getters, and
// they print as AbortSignal { aborted: false }.
const kAborted = Symbol('kAborted');
const kReason = Symbol('kReason');
const kSignal = Symbol('kSignal');
const kInspect = Symbol.for('nodejs.util.inspect.custom');
function customInspect(self, obj, depth, options) {
  if (depth < 0) return self;
  // depth is what is left (node passes its original depth in options, our
  // util what is left; depth is the same in both).
  const opts = Object.assign({}, options, { depth: depth === null ? null : depth });
  return `${self.constructor.name} ${requireCore('util').inspect(obj, opts)}`;
}

class AbortSignal extends EventTarget {
  constructor() {
    super();
    this[kAborted] = false;
    this[kReason] = undefined;
  }
  get aborted() { return this[kAborted]; }
  get reason() { return this[kReason]; }
  [kInspect](depth, options) { return customInspect(this, { aborted: this.aborted }, depth, options); }
  throwIfAborted() { if (this.aborted) throw this.reason; }
  static abort(reason) {
    const c = new AbortController();
    c.abort(reason);
    return c.signal;
  }
  // any follows the first of signals to abort (or is aborted at once,
  // with that reason, if one already is).
  static any(signals) {
    const { invalidArgType } = requireCore('internal/errors');
    if (!Array.isArray(signals)) throw invalidArgType('signals', 'Array', signals);
    signals.forEach((s, i) => {
      if (!(s instanceof AbortSignal)) throw invalidArgType(`signals[${i}]`, 'AbortSignal', s);
    });
    const c = new AbortController();
    const done = signals.find((s) => s.aborted);
    if (done !== undefined) {
      c.abort(done.reason);
      return c.signal;
    }
    const follow = (s) => () => c.abort(s.reason);
    for (const s of signals) s.addEventListener('abort', follow(s), { once: true });
    return c.signal;
  }
  static timeout(ms) {
    const c = new AbortController();
    timers.setTimeout(() => c.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')), ms).unref();
    return c.signal;
  }
}

// defineEventHandler makes the on<type> property as node's (and the
// DOM's) event handler attributes: the first non-null value adds a
// listener there and then, in order with those added by addEventListener;
// later values replace the handler in that place.
const kHandlers = Symbol('kHandlers');
function defineEventHandler(proto, type) {
  Object.defineProperty(proto, `on${type}`, {
    configurable: true,
    enumerable: true,
    get() {
      const h = this[kHandlers] && this[kHandlers].get(type);
      return h ? h.handler : null;
    },
    set(value) {
      if (!this[kHandlers]) this[kHandlers] = new Map();
      const h = this[kHandlers].get(type);
      if (h) {
        h.handler = value;
        return;
      }
      if (value === null || value === undefined) return;
      const wrapper = function (event) {
        if (typeof wrapper.handler === 'function') return wrapper.handler.call(this, event);
      };
      wrapper.handler = value;
      this[kHandlers].set(type, wrapper);
      this.addEventListener(type, wrapper);
    },
  });
}
defineEventHandler(AbortSignal.prototype, 'abort');

class AbortController {
  constructor() { this[kSignal] = new AbortSignal(); }
  get signal() { return this[kSignal]; }
  [kInspect](depth, options) { return customInspect(this, { signal: this.signal }, depth, options); }
  abort(reason) {
    const s = this.signal;
    if (s.aborted) return;
    s[kAborted] = true;
    s[kReason] = reason === undefined ? new DOMException('This operation was aborted', 'AbortError') : reason;
    s.dispatchEvent(new Event('abort'));
  }
}

function define(name, value, enumerable = false) {
  Object.defineProperty(global, name, { value, writable: true, enumerable, configurable: true });
}
define('structuredClone', structuredClone, true);
// Node defines these next; move them (installed earlier by the module set)
// after structuredClone so Object.keys(globalThis) lists node's order.
for (const name of ['atob', 'btoa', 'performance', 'fetch', 'crypto']) {
  const d = Object.getOwnPropertyDescriptor(global, name);
  if (d && d.configurable) {
    delete global[name];
    Object.defineProperty(global, name, d);
  }
}
define('DOMException', DOMException);
define('Event', Event);
define('CustomEvent', CustomEvent);
define('MessageEvent', MessageEvent);
define('EventTarget', EventTarget);
define('AbortSignal', AbortSignal);
define('AbortController', AbortController);

function abortError(signal) {
  const err = new Error('The operation was aborted');
  err.name = 'AbortError';
  err.code = 'ABORT_ERR';
  err.cause = signal.reason;
  return err;
}

// timers/promises
const promises = {
  setTimeout(delay, value, options = {}) {
    return new Promise((resolve, reject) => {
      const { signal } = options;
      if (signal && signal.aborted) return reject(abortError(signal));
      const t = timers.setTimeout(() => resolve(value), delay);
      if (options.ref === false) t.unref();
      if (signal) signal.addEventListener('abort', () => { timers.clearTimeout(t); reject(abortError(signal)); }, { once: true });
    });
  },
  setImmediate(value, options = {}) {
    return new Promise((resolve, reject) => {
      const { signal } = options;
      if (signal && signal.aborted) return reject(abortError(signal));
      const i = timers.setImmediate(() => resolve(value));
      if (options.ref === false) i.unref();
      if (signal) signal.addEventListener('abort', () => { timers.clearImmediate(i); reject(abortError(signal)); }, { once: true });
    });
  },
  // An async iterator by hand: goja has no async generators.
  setInterval(delay, value, options = {}) {
    const { signal } = options;
    let pending = 0;
    const waiters = [];
    let done = false;
    const t = timers.setInterval(() => {
      if (waiters.length > 0) waiters.shift().resolve({ value, done: false });
      else pending++;
    }, delay);
    if (options.ref === false) t.unref();
    function finish() {
      done = true;
      timers.clearInterval(t);
    }
    if (signal) {
      signal.addEventListener('abort', () => {
        finish();
        while (waiters.length > 0) waiters.shift().reject(abortError(signal));
      }, { once: true });
    }
    const iter = {
      next() {
        if (signal && signal.aborted) { finish(); return Promise.reject(abortError(signal)); }
        if (done) return Promise.resolve({ value: undefined, done: true });
        if (pending > 0) { pending--; return Promise.resolve({ value, done: false }); }
        return new Promise((resolve, reject) => waiters.push({ resolve, reject }));
      },
      return() {
        finish();
        while (waiters.length > 0) waiters.shift().resolve({ value: undefined, done: true });
        return Promise.resolve({ value: undefined, done: true });
      },
    };
    iter[Symbol.asyncIterator] = function () { return iter; };
    return iter;
  },
  scheduler: {
    wait(delay, options) { return promises.setTimeout(delay, undefined, options); },
    yield() { return promises.setImmediate(); },
  },
};
timers.promises = promises;

// util.promisify(setTimeout) and util.promisify(setImmediate) give these,
// as in node.
const customPromisify = Symbol.for('nodejs.util.promisify.custom');
Object.defineProperty(timers.setTimeout, customPromisify, { enumerable: true, get() { return promises.setTimeout; } });
Object.defineProperty(timers.setImmediate, customPromisify, { enumerable: true, get() { return promises.setImmediate; } });

// The Web Crypto global, from the crypto module, built on first use (unless
// the module set already provides it).
if (!('crypto' in global)) {
  let webcrypto;
  Object.defineProperty(global, 'crypto', {
    enumerable: true,
    configurable: true,
    get() {
      if (webcrypto === undefined) webcrypto = requireCore('crypto').webcrypto;
      return webcrypto;
    },
    set(v) { webcrypto = v; },
  });
}
return { timersPromises: promises };
})
