// The JavaScript half of ebbnode's globals: process, the timer classes, the
// nextTick queue and queueMicrotask. run.go evaluates this function once per
// runtime with `binding`, the Go half (see binding.go), and installs what it
// returns. Keep it free of anything a script could observe as non-node.
(function (global, binding) {
'use strict';

const EventEmitter = binding.require('events');
const { invalidArgType, makeNodeError } = binding.require('internal/errors');

// goja has no Symbol.asyncIterator (nor for-await); define the well-known
// symbol so that code testing for it, or building async iterators by
// hand, behaves.
if (typeof Symbol.asyncIterator !== 'symbol') {
  Object.defineProperty(Symbol, 'asyncIterator', { value: Symbol('Symbol.asyncIterator') });
}

// goja has no WeakRef or FinalizationRegistry. These keep node's shapes and
// errors; the WeakRef holds its target strongly (deref never returns
// undefined), as if the collector never reclaimed it, and the registry
// never calls back, which the spec allows (collection is never promised).
if (typeof global.WeakRef !== 'function') {
  const canBeHeldWeakly = (v) => (typeof v === 'object' && v !== null) || typeof v === 'function' ||
    (typeof v === 'symbol' && Symbol.keyFor(v) === undefined);
  const targets = new WeakMap();
  const WeakRef = function WeakRef(target) {
    if (new.target === undefined) throw new TypeError("Constructor WeakRef requires 'new'");
    if (!canBeHeldWeakly(target)) throw new TypeError('WeakRef: invalid target');
    targets.set(this, target);
  };
  const tokens = new WeakMap(); // registry -> WeakMap(token -> registrations)
  const FinalizationRegistry = function FinalizationRegistry(cleanupCallback) {
    if (new.target === undefined) throw new TypeError("Constructor FinalizationRegistry requires 'new'");
    if (typeof cleanupCallback !== 'function') throw new TypeError('FinalizationRegistry: cleanup must be callable');
    tokens.set(this, new WeakMap());
  };
  const registry = (r, method) => {
    const t = tokens.get(Object(r));
    if (t === undefined) {
      throw new TypeError(`Method FinalizationRegistry.prototype.${method} called on incompatible receiver ${String(r)}`);
    }
    return t;
  };
  const methods = {
    deref() {
      if (!targets.has(Object(this))) {
        throw new TypeError('Method WeakRef.prototype.deref called on incompatible receiver #<Object>');
      }
      return targets.get(this);
    },
    register(target, heldValue) {
      const unregisterToken = arguments[2]; // optional: length stays 2
      const t = registry(this, 'register');
      if (!canBeHeldWeakly(target)) throw new TypeError('FinalizationRegistry.prototype.register: invalid target');
      if (target === heldValue) {
        throw new TypeError('FinalizationRegistry.prototype.register: target and holdings must not be same');
      }
      if (unregisterToken !== undefined) {
        if (!canBeHeldWeakly(unregisterToken)) throw new TypeError(`Invalid unregisterToken ('${String(unregisterToken)}')`);
        t.set(unregisterToken, (t.get(unregisterToken) || 0) + 1);
      }
    },
    unregister(unregisterToken) {
      const t = registry(this, 'unregister');
      if (!canBeHeldWeakly(unregisterToken)) throw new TypeError(`Invalid unregisterToken ('${String(unregisterToken)}')`);
      return t.delete(unregisterToken);
    },
  };
  const define = (obj, name, value) =>
    Object.defineProperty(obj, name, { value, writable: true, enumerable: false, configurable: true });
  define(WeakRef.prototype, 'deref', methods.deref);
  define(FinalizationRegistry.prototype, 'register', methods.register);
  define(FinalizationRegistry.prototype, 'unregister', methods.unregister);
  for (const C of [WeakRef, FinalizationRegistry]) {
    Object.defineProperty(C, 'prototype', { writable: false });
    Object.defineProperty(C.prototype, Symbol.toStringTag, { value: C.name, configurable: true });
    define(global, C.name, C);
  }
}

// ES2024 String.prototype.isWellFormed/toWellFormed (in node 20), which
// goja lacks: a string is well formed when it has no lone surrogates.
if (typeof String.prototype.isWellFormed !== 'function') {
  const lone = (s, i) => {
    const c = s.charCodeAt(i);
    if (c >= 0xD800 && c <= 0xDBFF) {
      const d = s.charCodeAt(i + 1);
      return !(d >= 0xDC00 && d <= 0xDFFF) ? 1 : 2;
    }
    return c >= 0xDC00 && c <= 0xDFFF ? 1 : 0;
  };
  const coerce = (v, name) => {
    if (v === null || v === undefined) {
      throw new TypeError('String.prototype.' + name + ' called on null or undefined');
    }
    return String(v);
  };
  Object.defineProperty(String.prototype, 'isWellFormed', {
    value: function isWellFormed() {
      const s = coerce(this, 'isWellFormed');
      for (let i = 0; i < s.length; i++) {
        const k = lone(s, i);
        if (k === 1) return false;
        if (k === 2) i++;
      }
      return true;
    },
    writable: true, enumerable: false, configurable: true,
  });
  Object.defineProperty(String.prototype, 'toWellFormed', {
    value: function toWellFormed() {
      const s = coerce(this, 'toWellFormed');
      let out = '';
      for (let i = 0; i < s.length; i++) {
        const k = lone(s, i);
        if (k === 1) out += '\uFFFD';
        else if (k === 2) { out += s[i] + s[i + 1]; i++; }
        else out += s[i];
      }
      return out;
    },
    writable: true, enumerable: false, configurable: true,
  });
}

// Annex B's legacy accessor methods, which goja lacks and old packages
// still call (delegates, which koa uses, defines its getters with them).
if (typeof Object.prototype.__defineGetter__ !== 'function') {
  const define = (name, kind) => function (key, fn) {
    const obj = Object(this);
    if (this === undefined || this === null) throw new TypeError(`Cannot convert undefined or null to object`);
    if (typeof fn !== 'function') throw new TypeError(`Object.prototype.${name}: Expecting function`);
    Object.defineProperty(obj, key, { [kind]: fn, enumerable: true, configurable: true });
  };
  const lookup = (kind) => function (key) {
    if (this === undefined || this === null) throw new TypeError(`Cannot convert undefined or null to object`);
    for (let o = Object(this); o !== null; o = Object.getPrototypeOf(o)) {
      const d = Object.getOwnPropertyDescriptor(o, key);
      if (d !== undefined) return d[kind];
    }
    return undefined;
  };
  const legacy = {
    __defineGetter__: define('__defineGetter__', 'get'),
    __defineSetter__: define('__defineSetter__', 'set'),
    __lookupGetter__: lookup('get'),
    __lookupSetter__: lookup('set'),
  };
  for (const [name, fn] of Object.entries(legacy)) {
    Object.defineProperty(fn, 'name', { value: name });
    Object.defineProperty(Object.prototype, name, { value: fn, writable: true, enumerable: false, configurable: true });
  }
}

// CallSite is V8's stack frame object, which Error.prepareStackTrace
// receives: made from one "    at name (file:line:col)" line of goja's
// stack text. Packages read the caller's file this way (depd, which
// express loads, and callsites).
class CallSite {
  constructor(line) {
    // goja ends a position with the bytecode offset: "file:31:33(3)".
    const m = /^\s*at (?:(.*?) \()?(.*?)(?::(\d+):(\d+)(?:\(\d+\))?)?\)?$/.exec(line) || [];
    this._fn = m[1] || null;
    this._file = m[2] && m[2] !== 'native' ? m[2] : undefined;
    this._line = m[3] ? Number(m[3]) : null;
    this._col = m[4] ? Number(m[4]) : null;
    this._native = m[2] === 'native';
  }
  getThis() { return undefined; }
  getTypeName() { return null; }
  getFunction() { return undefined; }
  getFunctionName() { return this._fn; }
  getMethodName() { return null; }
  getFileName() { return this._file; }
  getLineNumber() { return this._line; }
  getColumnNumber() { return this._col; }
  getEvalOrigin() { return undefined; }
  getScriptNameOrSourceURL() { return this._file; }
  isToplevel() { return this._fn === null; }
  isEval() { return false; }
  isNative() { return this._native; }
  isConstructor() { return false; }
  isAsync() { return false; }
  isPromiseAll() { return false; }
  getPromiseIndex() { return null; }
  toString() {
    const where = this._native ? 'native' : `${this._file}:${this._line}:${this._col}`;
    return this._fn ? `${this._fn} (${where})` : where;
  }
}

// V8's Error.captureStackTrace and Error.stackTraceLimit, which goja lacks
// and many libraries call from their error constructors. With
// Error.prepareStackTrace set, obj.stack is what it returns for the
// CallSites, as in V8.
if (typeof Error.captureStackTrace !== 'function') {
  Object.defineProperty(Error, 'captureStackTrace', {
    value: function captureStackTrace(obj) {
      // V8's own check, which names no argument.
      if (obj === null || typeof obj !== 'object') throw new TypeError('invalid_argument');
      let frames = String(new Error().stack).split('\n').slice(2);
      const limit = Error.stackTraceLimit;
      if (typeof limit === 'number' && limit >= 0 && frames.length > limit) frames = frames.slice(0, limit);
      let stack;
      if (typeof Error.prepareStackTrace === 'function') {
        stack = Error.prepareStackTrace(obj, frames.map((f) => new CallSite(f)));
      } else {
        let head;
        try {
          head = Error.prototype.toString.call(obj);
        } catch {
          head = 'Error';
        }
        stack = [head].concat(frames).join('\n');
      }
      Object.defineProperty(obj, 'stack', {
        value: stack,
        writable: true, enumerable: false, configurable: true,
      });
    },
    writable: true, enumerable: false, configurable: true,
  });
}
if (Error.stackTraceLimit === undefined) Error.stackTraceLimit = 10;

// ---- nextTick queue: drained after every callback, before promise jobs.
const ticks = [];
let head = 0;

function nextTick(callback) {
  if (typeof callback !== 'function') throw invalidArgType('callback', 'function', callback);
  if (process._exiting) return;
  let args;
  if (arguments.length > 1) {
    args = new Array(arguments.length - 1);
    for (let i = 1; i < arguments.length; i++) args[i - 1] = arguments[i];
  }
  if (asyncOn) ticks.push(runInContext, [binding.asyncContext(), callback, args]);
  else ticks.push(callback, args);
}

// runInContext runs a tick in the async context it was queued in.
function runInContext(ctx, callback, args) {
  binding.setAsyncContext(ctx);
  if (args === undefined) callback();
  else Reflect.apply(callback, undefined, args);
}

function drainTicks() {
  while (head < ticks.length) {
    const cb = ticks[head];
    const args = ticks[head + 1];
    ticks[head] = ticks[head + 1] = undefined;
    head += 2;
    if (args === undefined) cb();
    else Reflect.apply(cb, undefined, args);
  }
  ticks.length = 0;
  head = 0;
}

// runTop is how Go calls every macrotask: goja runs promise jobs when the
// outermost JS call returns, so draining ticks inside it puts ticks first.
function runTop(fn, thisArg, args) {
  if (fn !== undefined) {
    if (args === undefined) Reflect.apply(fn, thisArg, []);
    else Reflect.apply(fn, thisArg, args);
  }
  if (head < ticks.length) drainTicks();
  // Back to the root context: one left by enterWith(), or by a tick that
  // threw, must not leak into the next macrotask.
  if (asyncOn) binding.setAsyncContext(undefined);
}

// asyncOn: whether ticks carry the async context, from the first use of
// one (hostenv.AsyncContext.Enable) on.
let asyncOn = false;
function enableAsyncContext() { asyncOn = true; }

function hasTicks() { return head < ticks.length; }

// ---- timers
const TIMEOUT_MAX = 2 ** 31 - 1;
const kHandle = Symbol('handle');
const kId = Symbol('asyncId');
let nextId = 2;

function delayOf(after) {
  after *= 1;
  if (!(after >= 1 && after <= TIMEOUT_MAX)) {
    if (after > TIMEOUT_MAX) {
      process.emitWarning(after + ' does not fit into a 32-bit signed integer.' +
        '\nTimeout duration was set to 1.', 'TimeoutOverflowWarning');
    }
    after = 1;
  }
  return after;
}

class Timeout {
  constructor(callback, after, args, isRepeat) {
    after = delayOf(after);
    this._idleTimeout = after;
    this._onTimeout = callback;
    this._timerArgs = args;
    this._repeat = isRepeat ? after : null;
    this._destroyed = false;
    this[kId] = nextId++;
    this[kHandle] = binding.timerStart(this, after, isRepeat);
  }
  ref() { binding.timerRef(this[kHandle], true); return this; }
  unref() { binding.timerRef(this[kHandle], false); return this; }
  hasRef() { return binding.timerHasRef(this[kHandle]); }
  refresh() { if (!this._destroyed) binding.timerRefresh(this[kHandle]); return this; }
  close() { clearTimeout(this); return this; }
  [Symbol.toPrimitive]() {
    knownTimers.set(this[kId], this);
    return this[kId];
  }
}

const knownTimers = new Map();

function checkCallback(callback) {
  if (typeof callback !== 'function') throw invalidArgType('callback', 'function', callback);
}

function setTimeout(callback, after, ...args) {
  checkCallback(callback);
  return new Timeout(callback, after, args, false);
}

function setInterval(callback, repeat, ...args) {
  checkCallback(callback);
  return new Timeout(callback, repeat, args, true);
}

function clearTimeout(timer) {
  if (timer && timer._onTimeout) {
    if (!timer._destroyed) {
      timer._destroyed = true;
      binding.timerStop(timer[kHandle]);
    }
    knownTimers.delete(timer[kId]);
    return;
  }
  if (typeof timer === 'number' || typeof timer === 'string') {
    const t = knownTimers.get(+timer);
    if (t) clearTimeout(t);
  }
}

class Immediate {
  constructor(callback, args) {
    this._onImmediate = callback;
    this._argv = args;
    this._destroyed = false;
    this[kHandle] = binding.immediateStart(this);
  }
  ref() { binding.immediateRef(this[kHandle], true); return this; }
  unref() { binding.immediateRef(this[kHandle], false); return this; }
  hasRef() { return binding.immediateHasRef(this[kHandle]); }
}

function setImmediate(callback, ...args) {
  checkCallback(callback);
  return new Immediate(callback, args);
}

function clearImmediate(immediate) {
  if (!immediate || immediate._destroyed || !immediate[kHandle]) return;
  immediate._destroyed = true;
  binding.immediateClear(immediate[kHandle]);
}

function queueMicrotask(callback) {
  checkCallback(callback);
  Promise.resolve().then(() => {
    try {
      callback();
    } catch (err) {
      binding.reportUncaught(err);
    }
  });
}

// ---- process
const process = Object.create(EventEmitter.prototype, {
  [Symbol.toStringTag]: { value: 'process', writable: false, enumerable: false, configurable: true },
});
EventEmitter.call(process);

process.title = 'ebbnode';
process.version = binding.version;
process.versions = binding.versions;
process.arch = binding.arch;
process.platform = 'linux';
process.release = { name: 'node' };
process.argv = binding.argv;
process.argv0 = 'node';
process.execArgv = [];
process.execPath = binding.argv[0];
// process.env stores strings only, as node's does.
process.env = new Proxy(binding.env, {
  set(target, key, value) {
    if (typeof key === 'symbol') {
      const err = new TypeError('Cannot convert a Symbol value to a string');
      throw err;
    }
    target[key] = String(value);
    return true;
  },
  defineProperty(target, key, desc) {
    if ('value' in desc) target[key] = String(desc.value);
    return true;
  },
});
process.pid = binding.pid;
process.ppid = binding.ppid;
process.exitCode = undefined;
process._exiting = false;
process.config = { variables: {} };
process.features = {};
// No NODE_OPTIONS flags are honoured, so the set is empty.
process.allowedNodeEnvironmentFlags = new Set();
process.nextTick = nextTick;
process.cwd = function cwd() { return binding.cwd(); };
process.chdir = function chdir(dir) { binding.chdir(String(dir)); };
process.umask = function umask() { return 0o22; };
process.uptime = function uptime() { return binding.uptime(); };
process.memoryUsage = function memoryUsage() { return binding.memoryUsage(); };
process.memoryUsage.rss = function rss() { return binding.memoryUsage().rss; };
process.cpuUsage = function cpuUsage() { return binding.cpuUsage(); };
process.getuid = function getuid() { return binding.uid; };
process.getgid = function getgid() { return binding.gid; };
process.geteuid = process.getuid;
process.getegid = process.getgid;
process.abort = function abort() { binding.reallyExit(134); };
process.kill = function kill(pid, signal) {
  // There are no other processes to signal in an ebbnode app (natively
  // there is only this one), so say so rather than pretend.
  const err = new Error('process.kill(' + pid + ', ' + (signal === undefined ? "'SIGTERM'" : JSON.stringify(signal)) +
    ') is not supported by ebbnode');
  err.code = 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM';
  throw err;
};

function hrtime(prev) {
  const t = binding.hrtime();
  if (prev !== undefined) {
    if (!Array.isArray(prev)) throw invalidArgType('time', 'Array', prev);
    let sec = t[0] - prev[0];
    let nsec = t[1] - prev[1];
    if (nsec < 0) { sec--; nsec += 1e9; }
    return [sec, nsec];
  }
  return t;
}
hrtime.bigint = function bigint() { return binding.hrtimeBigint(); };
process.hrtime = hrtime;

process.exit = function exit(code) {
  if (code !== undefined) process.exitCode = code;
  if (!process._exiting) {
    process._exiting = true;
    process.emit('exit', exitCodeOf());
  }
  binding.reallyExit(exitCodeOf());
};
process.reallyExit = function reallyExit(code) { binding.reallyExit(code | 0); };

function exitCodeOf() {
  const c = process.exitCode;
  if (c === undefined || c === null) return 0;
  return c | 0;
}

process.emitWarning = function emitWarning(warning, type, code) {
  if (type !== null && typeof type === 'object') {
    code = type.code;
    type = type.type;
  }
  if (typeof warning === 'string') {
    warning = new Error(warning);
    warning.name = String(type || 'Warning');
    if (code !== undefined) warning.code = code;
  }
  nextTick(() => process.emit('warning', warning));
};

// As node, process starts with these listeners: the default 'warning'
// printer, and the signal bookkeeping on newListener/removeListener (no
// signals reach an ebbnode app, so those do nothing).
let warnedHint = false;
process.on('newListener', function startListeningIfSignal() {});
process.on('removeListener', function stopListeningIfSignal() {});
process.on('warning', function onWarning(warning) {
  if (!(warning instanceof Error)) return;
  const prefix = warning.code ? '[' + warning.code + '] ' : '';
  binding.write(2, '(node:' + process.pid + ') ' + prefix + warning.name + ': ' + warning.message + '\n');
  if (!warnedHint) {
    warnedHint = true;
    binding.write(2, '(Use `node --trace-warnings ...` to show where the warning was created)\n');
  }
});

// makeWriteStream makes process.stdout or stderr: a stream.Writable whose
// writes go out at once (node writes to files and pipes synchronously), so
// they stay in order with console.log, which writes to the fd directly.
function makeWriteStream(fd) {
  const { Writable } = binding.require('stream');
  const s = new Writable({
    decodeStrings: false,
    write(chunk, encoding, cb) {
      if (typeof chunk === 'string' && encoding && encoding !== 'utf8' && encoding !== 'utf-8' && encoding !== 'buffer') {
        chunk = Buffer.from(chunk, encoding);
      }
      binding.write(fd, chunk);
      cb();
    },
    // The fd stays open when the stream is destroyed, as in node.
    destroy(err, cb) { cb(err); },
  });
  s.fd = fd;
  s._type = 'pipe';
  s._isStdio = true;
  s.destroySoon = s.destroy;
  s.getColorDepth = function () { return 1; };
  s.hasColors = function () { return false; };
  if (binding.isatty(fd)) makeTTY(s, fd);
  return s;
}

// makeTTY gives a standard stream on a terminal what node's tty streams
// have: isTTY, the window size, colour depth and cursor control (from
// tty.WriteStream), raw mode for stdin (tty.ReadStream).
function makeTTY(s, fd) {
  const tty = binding.require('tty');
  s.isTTY = true;
  if (fd === 0) {
    const rs = new tty.ReadStream(0);
    s.isRaw = false;
    s.setRawMode = function setRawMode(flag) { rs.setRawMode(flag); s.isRaw = rs.isRaw; return s; };
    return;
  }
  const ws = new tty.WriteStream(fd);
  s.columns = ws.columns;
  s.rows = ws.rows;
  s.getWindowSize = function getWindowSize() { return [s.columns, s.rows]; };
  for (const m of ['getColorDepth', 'hasColors', 'cursorTo', 'moveCursor', 'clearLine', 'clearScreenDown']) {
    s[m] = function (...args) { return ws[m](...args); };
  }
}
// The standard streams are made on first use, as node does, so a script
// that never touches them does not load 'stream'.
// console.js finds a stream that exists through the getter's peek
// function, to write through it (so console.log follows cork() and a
// replaced write(), as in node) without making one.
function defineStdio(name, make) {
  let stream;
  const get = function () {
    if (stream === undefined) stream = make();
    return stream;
  };
  Object.defineProperty(get, Symbol.for('ebbnode.stdio.peek'), { value: () => stream });
  Object.defineProperty(process, name, { configurable: true, enumerable: true, get });
}
defineStdio('stdout', () => makeWriteStream(1));
defineStdio('stderr', () => makeWriteStream(2));
defineStdio('stdin', makeStdin);

// process.stdin reads only once a script asks for data (a 'data',
// 'readable' or 'end' listener, resume(), or async iteration), as node's
// paused stream does; until then it does not keep the loop alive.
function makeStdin() {
  const { Readable } = binding.require('stream');
  let started = false;
  const s = new Readable({
    read() {
      if (started) return;
      started = true;
      binding.stdinStart((buf) => { s.push(buf); }, () => { s.push(null); });
    },
  });
  s.fd = 0;
  s.unref = s.ref = function () { return s; };
  if (binding.isatty(0)) makeTTY(s, 0);
  return s;
}

// ---- globals, enumerable or not and in the order node defines them
// (Object.keys(globalThis) shows).
function defineGlobal(name, value, enumerable) {
  Object.defineProperty(global, name, { value, writable: true, enumerable, configurable: true });
}
defineGlobal('global', global, true);
defineGlobal('clearImmediate', clearImmediate, true);
defineGlobal('setImmediate', setImmediate, true);
defineGlobal('clearInterval', clearTimeout, true);
defineGlobal('clearTimeout', clearTimeout, true);
defineGlobal('setInterval', setInterval, true);
defineGlobal('setTimeout', setTimeout, true);
defineGlobal('queueMicrotask', queueMicrotask, true);
defineGlobal('process', process, false);

return {
  process, runTop, hasTicks, enableAsyncContext,
  timers: { setTimeout, setInterval, setImmediate, clearTimeout, clearInterval: clearTimeout, clearImmediate },
  emitExit() { process.exit(); },
  emitBeforeExit() { process.emit('beforeExit', exitCodeOf()); },
  listenerCount(name) { return process.listenerCount(name); },
  emit(name, a, b) { return process.emit(name, a, b); },
};
})
