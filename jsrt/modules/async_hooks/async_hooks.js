'use strict';
// node's async_hooks: AsyncLocalStorage and AsyncResource (see
// async_hooks.go). The async context is a Map from each
// AsyncLocalStorage to its store, never changed in place: run() and
// enterWith() make a new one, so every callback keeps the one it was
// scheduled in.

const errors = require('internal/errors');
const getContext = internal.get;
const setContext = internal.set;
// enable starts the loop carrying contexts (see hostenv.AsyncContext):
// called on the first use of one, so a program that only loads this module
// pays nothing.
const enable = internal.enable;

let nextAsyncId = 2;

function runInContext(ctx, fn, thisArg, args) {
  const prev = getContext();
  setContext(ctx);
  try {
    return Reflect.apply(fn, thisArg, args);
  } finally {
    setContext(prev);
  }
}

function withStore(als, store) {
  const next = new Map(getContext());
  next.set(als, store);
  return next;
}

class AsyncLocalStorage {
  constructor() {
    this._enabled = false;
  }

  static bind(fn) {
    return AsyncResource.bind(fn);
  }

  static snapshot() {
    enable();
    const ctx = getContext();
    return function runInAsyncScope(fn, ...args) {
      return runInContext(ctx, fn, this, args);
    };
  }

  disable() {
    if (!this._enabled) return;
    this._enabled = false;
    const ctx = getContext();
    if (ctx !== undefined && ctx.has(this)) {
      const next = new Map(ctx);
      next.delete(this);
      setContext(next);
    }
  }

  getStore() {
    if (!this._enabled) return undefined;
    const ctx = getContext();
    return ctx == null ? undefined : ctx.get(this);
  }

  enterWith(store) {
    enable();
    this._enabled = true;
    setContext(withStore(this, store));
  }

  run(store, callback, ...args) {
    enable();
    this._enabled = true;
    return runInContext(withStore(this, store), callback, undefined, args);
  }

  exit(callback, ...args) {
    const ctx = getContext();
    if (!this._enabled || ctx == null || !ctx.has(this)) return Reflect.apply(callback, undefined, args);
    const next = new Map(ctx);
    next.delete(this);
    return runInContext(next, callback, undefined, args);
  }
}

class AsyncResource {
  constructor(type, opts = {}) {
    errors.validateString(type, 'type');
    let triggerAsyncId = opts;
    if (typeof opts === 'object' && opts !== null) triggerAsyncId = opts.triggerAsyncId;
    if (triggerAsyncId === undefined) triggerAsyncId = 1;
    if (!Number.isSafeInteger(triggerAsyncId) || triggerAsyncId < -1) {
      throw errors.makeNodeError(RangeError, 'ERR_INVALID_ASYNC_ID', `Invalid triggerAsyncId value: ${triggerAsyncId}`);
    }
    enable();
    this._context = getContext();
    this._asyncId = nextAsyncId++;
    this._triggerAsyncId = triggerAsyncId;
  }

  runInAsyncScope(fn, thisArg, ...args) {
    return runInContext(this._context, fn, thisArg, args);
  }

  emitDestroy() {
    return this;
  }

  asyncId() {
    return this._asyncId;
  }

  triggerAsyncId() {
    return this._triggerAsyncId;
  }

  bind(fn, thisArg) {
    errors.validateFunction(fn, 'fn');
    const resource = this;
    let bound;
    if (thisArg === undefined) {
      bound = function (...args) {
        return resource.runInAsyncScope(fn, this, ...args);
      };
    } else {
      bound = (...args) => resource.runInAsyncScope(fn, thisArg, ...args);
    }
    Object.defineProperties(bound, {
      length: { value: fn.length, configurable: true, enumerable: false, writable: false },
      asyncResource: { value: this, configurable: true, enumerable: true, writable: true },
    });
    return bound;
  }

  static bind(fn, type, thisArg) {
    type = type || fn.name || 'bound-anonymous-fn';
    return new AsyncResource(type).bind(fn, thisArg);
  }
}

class AsyncHook {
  constructor(callbacks) {
    for (const name of ['init', 'before', 'after', 'destroy', 'promiseResolve']) {
      if (callbacks[name] !== undefined && typeof callbacks[name] !== 'function') {
        throw errors.makeNodeError(TypeError, 'ERR_ASYNC_CALLBACK', `hook.${name} must be a function`);
      }
    }
  }

  enable() {
    return this;
  }

  disable() {
    return this;
  }
}

function createHook(callbacks) {
  return new AsyncHook(callbacks);
}

const topLevelResource = {};

module.exports = {
  AsyncLocalStorage,
  AsyncResource,
  createHook,
  executionAsyncId() { return 1; },
  triggerAsyncId() { return 0; },
  executionAsyncResource() { return topLevelResource; },
  asyncWrapProviders: {},
};
