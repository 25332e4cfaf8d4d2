// require('worker_threads'): node 20's API over workers.go (each Worker is
// its own goja runtime on its own event loop and core) and ports.go
// (message queues between runtimes). Values cross runtimes as a "tape":
// this file's structured-clone serializer flattens a value into an array
// of primitives plus the ArrayBuffers, SharedArrayBuffers and MessagePorts
// it holds; Go copies or moves those and the receiver rebuilds the value.
// Evaluated once per runtime with `binding` (workers.go) and the core
// require.
(function (binding, requireCore) {
'use strict';

const EventEmitter = requireCore('events');

// ---- structured clone (the HTML algorithm, as node's v8 serializer does it)

const T_UNDEF = 0, T_NULL = 1, T_TRUE = 2, T_FALSE = 3, T_NUM = 4, T_STR = 5, T_BIGINT = 6,
  T_REF = 7, T_ARRAY = 8, T_OBJECT = 9, T_DATE = 10, T_REGEXP = 11, T_MAP = 12, T_SET = 13,
  T_BUF = 14, T_VIEW = 15, T_ERROR = 16, T_BOXED = 17, T_PORT = 18;

const viewTypes = ['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array',
  'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array', 'DataView'];
const errorTypes = ['Error', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError'];

function dataCloneError(message) {
  const DOMException = globalThis.DOMException;
  return new DOMException(message, 'DataCloneError');
}

function typeErr(code, message) {
  const err = new TypeError(message);
  err.code = code;
  return err;
}

// transferListOf reads postMessage's second argument: an iterable, or an
// options object with a transfer iterable.
function transferListOf(transfer) {
  if (transfer === undefined || transfer === null) return undefined;
  const iterable = (t) => t !== null && typeof t === 'object' && typeof t[Symbol.iterator] === 'function';
  if (iterable(transfer)) return transfer;
  if (typeof transfer !== 'object') {
    throw typeErr('ERR_INVALID_ARG_TYPE', 'Optional transferList argument must be an iterable');
  }
  const t = transfer.transfer;
  if (t === undefined || t === null) return undefined;
  if (!iterable(t)) throw typeErr('ERR_INVALID_ARG_TYPE', 'Optional options.transfer argument must be an iterable');
  return t;
}

function describe(v) {
  try { return String(v); } catch { return Object.prototype.toString.call(v); }
}

const isSAB = (v) => binding.isShared(v);
const taggedAs = (v, tag) => Object.prototype.toString.call(v) === '[object ' + tag + ']';

// serialize flattens value; transfer is the transfer list. It returns
// { tape, bufs, moved, ports }: bufs are the ArrayBuffers and
// SharedArrayBuffers the tape names by index, moved whether each is in the
// transfer list (moved, not copied), ports the transferred MessagePorts.
function serialize(value, transfer) {
  const tape = [];
  const bufs = [];
  const moved = [];
  const ports = [];
  const ids = new Map();
  let nextId = 0;
  const transferSet = new Set();
  if (transfer !== undefined && transfer !== null) {
    for (const t of transfer) {
      if (transferSet.has(t)) {
        if (t instanceof MessagePort) throw dataCloneError('Transfer list contains duplicate MessagePort');
        throw dataCloneError('Transfer list contains duplicate ArrayBuffer');
      }
      if (t instanceof MessagePort) {
        if (t[kClosed]) throw dataCloneError('MessagePort in transfer list is already detached');
        ports.push(t);
      } else if (!(t instanceof ArrayBuffer) || isSAB(t)) {
        throw typeErr('ERR_INVALID_TRANSFER_OBJECT', 'Found invalid object in transferList');
      }
      transferSet.add(t);
    }
  }
  function buf(b) {
    let i = bufs.indexOf(b);
    if (i < 0) {
      i = bufs.length;
      bufs.push(b);
      moved.push(transferSet.has(b));
    }
    tape.push(T_BUF, i);
  }
  function write(v) {
    switch (typeof v) {
      case 'undefined': tape.push(T_UNDEF); return;
      case 'boolean': tape.push(v ? T_TRUE : T_FALSE); return;
      case 'number': tape.push(T_NUM, v); return;
      case 'string': tape.push(T_STR, v); return;
      case 'bigint': tape.push(T_BIGINT, v); return;
      case 'symbol': throw dataCloneError(describe(v) + ' could not be cloned.');
      case 'function': throw dataCloneError(describe(v) + ' could not be cloned.');
    }
    if (v === null) { tape.push(T_NULL); return; }
    if (ids.has(v)) { tape.push(T_REF, ids.get(v)); return; }
    ids.set(v, nextId++);
    if (v instanceof MessagePort) {
      const i = ports.indexOf(v);
      if (i < 0) {
        throw typeErr('ERR_MISSING_TRANSFERABLE_IN_TRANSFER_LIST',
          'Object that needs transfer was found in message but not listed in transferList');
      }
      tape.push(T_PORT, i);
      return;
    }
    if (Array.isArray(v)) {
      const keys = Object.keys(v);
      tape.push(T_ARRAY, v.length, keys.length);
      for (const k of keys) { tape.push(k); write(v[k]); }
      return;
    }
    if (v instanceof ArrayBuffer) { buf(v); return; }
    if (ArrayBuffer.isView(v)) {
      let type = v instanceof DataView ? 'DataView' : v.constructor && v.constructor.name;
      if (typeof Buffer === 'function' && v instanceof Buffer) type = 'Uint8Array';
      let t = viewTypes.indexOf(type);
      if (t < 0) t = viewTypes.findIndex((n) => v instanceof globalThis[n]);
      tape.push(T_VIEW, t, v.byteOffset, type === 'DataView' ? v.byteLength : v.length);
      ids.set(v.buffer, nextId++);
      buf(v.buffer);
      return;
    }
    if (v instanceof Date || taggedAs(v, 'Date')) { tape.push(T_DATE, Date.prototype.getTime.call(v)); return; }
    if (v instanceof RegExp) { tape.push(T_REGEXP, v.source, v.flags); return; }
    if (v instanceof Map) {
      tape.push(T_MAP, v.size);
      for (const [k, x] of v) { write(k); write(x); }
      return;
    }
    if (v instanceof Set) {
      tape.push(T_SET, v.size);
      for (const x of v) write(x);
      return;
    }
    if (v instanceof Error) {
      let name = 'Error';
      for (let p = Object.getPrototypeOf(v); p !== null; p = Object.getPrototypeOf(p)) {
        const n = Object.prototype.hasOwnProperty.call(p, 'name') ? p.name : undefined;
        if (errorTypes.includes(n) && globalThis[n] && globalThis[n].prototype === p) { name = n; break; }
      }
      const msg = Object.getOwnPropertyDescriptor(v, 'message');
      const hasCause = Object.prototype.hasOwnProperty.call(v, 'cause');
      tape.push(T_ERROR, name, msg ? String(msg.value) : undefined, String(v.stack), hasCause);
      if (hasCause) write(v.cause);
      return;
    }
    if (v instanceof Boolean || v instanceof Number || v instanceof String || taggedAs(v, 'BigInt')) {
      tape.push(T_BOXED);
      write(v.valueOf());
      return;
    }
    if (isSAB(v)) { buf(v); return; }
    if (v instanceof Promise || v instanceof WeakMap || v instanceof WeakSet) {
      throw dataCloneError('#<' + v.constructor.name + '> could not be cloned.');
    }
    const keys = Object.keys(v);
    tape.push(T_OBJECT, keys.length);
    for (const k of keys) { tape.push(k); write(v[k]); }
  }
  write(value);
  return { tape, bufs, moved, ports };
}

// deserialize rebuilds a value from what Go handed over: the tape, the
// buffers (fresh ArrayBuffers, or SharedArrayBuffers over the sender's
// memory) and the ports (MessagePorts now owned here).
function deserialize(tape, bufs, ports) {
  let pos = 0;
  const objs = [];
  function read() {
    const tag = tape[pos++];
    switch (tag) {
      case T_UNDEF: return undefined;
      case T_NULL: return null;
      case T_TRUE: return true;
      case T_FALSE: return false;
      case T_NUM: case T_STR: case T_BIGINT: return tape[pos++];
      case T_REF: return objs[tape[pos++]];
      case T_ARRAY: {
        const out = new Array(tape[pos++]);
        objs.push(out);
        for (let n = tape[pos++]; n > 0; n--) { const k = tape[pos++]; out[k] = read(); }
        return out;
      }
      case T_OBJECT: {
        const out = {};
        objs.push(out);
        for (let n = tape[pos++]; n > 0; n--) { const k = tape[pos++]; out[k] = read(); }
        return out;
      }
      case T_PORT: { const p = ports[tape[pos++]]; objs.push(p); return p; }
      case T_BUF: { const b = bufs[tape[pos++]]; objs.push(b); return b; }
      case T_VIEW: {
        const type = viewTypes[tape[pos++]];
        const off = tape[pos++];
        const len = tape[pos++];
        const at = objs.length;
        objs.push(undefined);
        const b = read();
        const out = new globalThis[type](b, off, len);
        objs[at] = out;
        return out;
      }
      case T_DATE: { const d = new Date(tape[pos++]); objs.push(d); return d; }
      case T_REGEXP: { const r = new RegExp(tape[pos++], tape[pos++]); objs.push(r); return r; }
      case T_MAP: {
        const m = new Map();
        objs.push(m);
        for (let n = tape[pos++]; n > 0; n--) { const k = read(); m.set(k, read()); }
        return m;
      }
      case T_SET: {
        const s = new Set();
        objs.push(s);
        for (let n = tape[pos++]; n > 0; n--) s.add(read());
        return s;
      }
      case T_ERROR: {
        const Ctor = globalThis[tape[pos++]] || Error;
        const msg = tape[pos++];
        const stack = tape[pos++];
        const hasCause = tape[pos++];
        const e = Object.create(Ctor.prototype);
        objs.push(e);
        Object.defineProperty(e, 'stack', { value: stack, writable: true, configurable: true });
        if (msg !== undefined) Object.defineProperty(e, 'message', { value: msg, writable: true, configurable: true });
        if (hasCause) Object.defineProperty(e, 'cause', { value: read(), writable: true, configurable: true });
        return e;
      }
      case T_BOXED: {
        const at = objs.length;
        objs.push(undefined);
        const o = Object(read());
        objs[at] = o;
        return o;
      }
    }
    throw new Error('worker_threads: bad message tape at ' + (pos - 1));
  }
  return read();
}

// ---- errors thrown in a worker, as node's error_serdes carries them: the
// constructor and every own property, so the parent's 'error' event gets an
// Error of the same kind with the same fields (code, stack, ...).
function serializeError(err) {
  if (err === null || typeof err !== 'object' || !(err instanceof Error)) {
    try { return { error: false, msg: serialize(err) }; } catch { return { error: false, msg: serialize(describe(err)) }; }
  }
  const props = {};
  for (const k of Object.getOwnPropertyNames(err)) {
    try { serialize(err[k]); props[k] = err[k]; } catch { /* not cloneable: dropped */ }
  }
  if (!('stack' in props)) props.stack = String(err.stack);
  if (!('message' in props)) props.message = String(err.message);
  let name = 'Error';
  for (let p = Object.getPrototypeOf(err); p !== null; p = Object.getPrototypeOf(p)) {
    const n = Object.prototype.hasOwnProperty.call(p, 'name') ? p.name : undefined;
    if (errorTypes.includes(n) && globalThis[n] && globalThis[n].prototype === p) { name = n; break; }
  }
  return { error: true, ctor: name, msg: serialize(props) };
}

function deserializeError(isError, ctor, tape, bufs) {
  const v = deserialize(tape, bufs, []);
  if (!isError) return v;
  const e = Object.create((globalThis[ctor] || Error).prototype);
  for (const k of Object.keys(v)) {
    Object.defineProperty(e, k, { value: v[k], writable: true, enumerable: k !== 'stack' && k !== 'message', configurable: true });
  }
  return e;
}

// ---- MessagePort

const kHandle = Symbol('kHandle');
const kClosed = Symbol('kClosed');
const kStarted = Symbol('kStarted');
const kRefed = Symbol('kRefed');
const kOnMessage = Symbol('kOnMessage');
let constructing = false;

function messageEvent(data, target) {
  const e = new globalThis.MessageEvent('message', { data });
  Object.defineProperty(e, 'target', { value: target });
  return e;
}

class MessagePort extends EventEmitter {
  constructor() {
    if (!constructing) throw new TypeError('Illegal constructor');
    super();
    this[kClosed] = false;
    this[kStarted] = false;
    this[kRefed] = true;
    this[kOnMessage] = null;
    this.on('newListener', (name) => { if (name === 'message') queueStart(this); });
    this.on('removeListener', (name) => {
      if (name === 'message' && this.listenerCount('message') === 0 && this[kOnMessage] === null) binding.portActive(this[kHandle], false);
    });
  }
  postMessage(value, transfer) {
    if (arguments.length === 0) throw typeErr('ERR_MISSING_ARGS', 'Not enough arguments to MessagePort.postMessage');
    transfer = transferListOf(transfer);
    if (transfer) for (const t of transfer) if (t === this) throw dataCloneError('Transfer list contains source port');
    const m = serialize(value, transfer);
    if (this[kClosed]) return;
    binding.portPost(this[kHandle], m.tape, m.bufs, m.moved, m.ports.map(detachPort));
  }
  start() {
    if (this[kClosed] || this[kStarted]) return;
    this[kStarted] = true;
    binding.portActive(this[kHandle], true);
    binding.portStart(this[kHandle]);
  }
  close() {
    if (this[kClosed]) return;
    this[kClosed] = true;
    binding.portClose(this[kHandle]);
  }
  ref() { this[kRefed] = true; if (!this[kClosed]) binding.portRef(this[kHandle], true); return this; }
  unref() { this[kRefed] = false; if (!this[kClosed]) binding.portRef(this[kHandle], false); return this; }
  hasRef() { return !this[kClosed] && this[kRefed] && this[kStarted]; }
  get onmessage() { return this[kOnMessage]; }
  set onmessage(fn) {
    this[kOnMessage] = typeof fn === 'function' ? fn : null;
    if (this[kOnMessage]) this.start();
  }
  addEventListener(type, fn) {
    if (!this.listeners(type).some((l) => l[kOnMessage] === fn)) {
      const w = (v) => { if (typeof fn === 'function') fn.call(this, type === 'message' ? messageEvent(v, this) : new globalThis.Event(type)); else fn.handleEvent(messageEvent(v, this)); };
      w[kOnMessage] = fn;
      this.on(type, w);
    }
  }
  removeEventListener(type, fn) {
    const l = this.listeners(type).find((x) => x[kOnMessage] === fn);
    if (l) this.off(type, l);
  }
}
Object.defineProperty(MessagePort.prototype, Symbol.toStringTag, { value: 'MessagePort', configurable: true });

// Adding a 'message' listener starts the port, as node does, once the
// listener is in place.
function queueStart(port) {
  if (port[kStarted] || port[kClosed]) { binding.portActive(port[kHandle], true); return; }
  port[kStarted] = true;
  binding.portActive(port[kHandle], true);
  binding.portStart(port[kHandle]);
}

function newPort(handle) {
  constructing = true;
  let p;
  try { p = new MessagePort(); } finally { constructing = false; }
  p[kHandle] = handle;
  binding.portBind(handle, p);
  return p;
}

// detachPort neuters a port being transferred and returns its Go handle.
function detachPort(p) {
  p[kClosed] = true;
  p.removeAllListeners();
  return p[kHandle];
}

// Called by Go on this runtime's loop.
function portMessage(port, tape, bufs, ports) {
  let v;
  try {
    v = deserialize(tape, bufs, ports.map(newPort));
  } catch (err) {
    port.emit('messageerror', err);
    return;
  }
  if (port[kOnMessage]) port[kOnMessage].call(port, messageEvent(v, port));
  port.emit('message', v);
}
function portClosed(port) {
  port[kClosed] = true;
  port.emit('close');
}

class MessageChannel {
  constructor() {
    const [a, b] = binding.newChannel();
    this.port1 = newPort(a);
    this.port2 = newPort(b);
  }
}

function receiveMessageOnPort(port) {
  if (!(port instanceof MessagePort)) {
    const err = new TypeError('The "port" argument must be a MessagePort instance');
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
  const m = binding.portReceive(port[kHandle]);
  if (m === undefined) return undefined;
  return { message: deserialize(m.tape, m.bufs, m.ports.map(newPort)) };
}

function moveMessagePortToContext(port) { return port; }
function markAsUntransferable() {}

// ---- BroadcastChannel: every channel of one name, in every thread,
// gets what any other posts.
class BroadcastChannel extends EventEmitter {
  constructor(name) {
    if (arguments.length === 0) {
      const err = new TypeError('The "name" argument must be specified');
      err.code = 'ERR_MISSING_ARGS';
      throw err;
    }
    super();
    this.name = `${name}`;
    this[kOnMessage] = null;
    this[kClosed] = false;
    this[kHandle] = binding.broadcastOpen(this.name, this);
  }
  postMessage(message) {
    if (this[kClosed]) {
      const DOMException = globalThis.DOMException;
      throw new DOMException('BroadcastChannel is closed.', 'InvalidStateError');
    }
    const m = serialize(message);
    binding.broadcastPost(this[kHandle], m.tape, m.bufs);
  }
  close() {
    if (this[kClosed]) return;
    this[kClosed] = true;
    binding.broadcastClose(this[kHandle]);
  }
  ref() { binding.broadcastRef(this[kHandle], true); return this; }
  unref() { binding.broadcastRef(this[kHandle], false); return this; }
  get onmessage() { return this[kOnMessage]; }
  set onmessage(fn) { this[kOnMessage] = typeof fn === 'function' ? fn : null; }
  addEventListener(type, fn) { MessagePort.prototype.addEventListener.call(this, type, fn); }
  removeEventListener(type, fn) { MessagePort.prototype.removeEventListener.call(this, type, fn); }
}
Object.defineProperty(BroadcastChannel.prototype, Symbol.toStringTag, { value: 'BroadcastChannel', configurable: true });

function broadcastMessage(ch, tape, bufs) {
  if (ch[kClosed]) return;
  const v = deserialize(tape, bufs, []);
  const e = messageEvent(v, ch);
  if (ch[kOnMessage]) ch[kOnMessage].call(ch, e);
  for (const l of ch.listeners('message')) l.call(ch, l[kOnMessage] ? v : e);
}

// ---- Worker

const kWorker = Symbol('kWorker');
const kCluster = Symbol('kCluster'); // cluster.fork's worker id (cluster.js)
const SHARE_ENV = Symbol.for('nodejs.worker_threads.SHARE_ENV');

function invalidArg(name, what, v) {
  const err = new TypeError(`The "${name}" argument must be ${what}. Received ${v === null ? 'null' : typeof v === 'string' ? `type string ('${v}')` : 'type ' + typeof v}`);
  err.code = 'ERR_INVALID_ARG_TYPE';
  return err;
}

class Worker extends EventEmitter {
  constructor(filename, options = {}) {
    super();
    if (options === null) throw new TypeError("Cannot read properties of null (reading 'execArgv')");
    if (options === null || typeof options !== 'object') throw invalidArg('options', 'of type object', options);
    let spec = { eval: !!options.eval, argv: [], env: null, shareEnv: false, name: '' };
    if (typeof filename === 'object' && filename !== null && typeof filename.href === 'string') {
      if (filename.protocol !== 'file:') {
        const err = new TypeError('The URL must be of scheme file');
        err.code = 'ERR_INVALID_URL_SCHEME';
        throw err;
      }
      filename = requireCore('url').fileURLToPath(filename);
    } else if (typeof filename !== 'string') {
      throw invalidArg('filename', 'of type string or an instance of URL', filename);
    } else if (!spec.eval && !/^\.\.?[\\/]/.test(filename) && !requireCore('path').isAbsolute(filename)) {
      if (filename.startsWith('data:') || filename.startsWith('file:')) {
        if (filename.startsWith('file:')) filename = requireCore('url').fileURLToPath(filename);
      } else {
        const err = new TypeError('The worker script or module filename must be an absolute path or a relative path ' +
          `starting with './' or '../'. Received "${filename}"`);
        err.code = 'ERR_WORKER_PATH';
        throw err;
      }
    }
    if (!spec.eval) filename = requireCore('path').resolve(filename);
    spec.filename = filename;
    if (options.argv !== undefined) {
      if (!Array.isArray(options.argv)) throw invalidArg('options.argv', 'an instance of Array', options.argv);
      spec.argv = options.argv.map(String);
    }
    if (options.env === SHARE_ENV) {
      spec.shareEnv = true;
    } else {
      const env = options.env === undefined || options.env === null ? process.env : options.env;
      if (typeof env !== 'object') throw invalidArg('options.env', 'of type object', env);
      spec.env = Object.keys(env).map((k) => k + '=' + String(env[k]));
    }
    if (options.name !== undefined) spec.name = String(options.name);
    spec.cluster = options[kCluster] || 0;
    spec.stdout = !!options.stdout;
    spec.stderr = !!options.stderr;
    const rl = options.resourceLimits || {};
    this.resourceLimits = {
      maxYoungGenerationSizeMb: rl.maxYoungGenerationSizeMb > 0 ? rl.maxYoungGenerationSizeMb : 48,
      maxOldGenerationSizeMb: rl.maxOldGenerationSizeMb > 0 ? rl.maxOldGenerationSizeMb : 2048,
      codeRangeSizeMb: rl.codeRangeSizeMb > 0 ? rl.codeRangeSizeMb : 0,
      stackSizeMb: rl.stackSizeMb > 0 ? rl.stackSizeMb : 4,
    };
    spec.resourceLimits = this.resourceLimits;
    // workerData and the environment data travel together.
    const data = serialize({ d: options.workerData, e: [...envData] }, options.transferList);
    const { Readable, Writable } = requireCore('stream');
    if (spec.stdout) this.stdout = new Readable({ read() {} });
    if (spec.stderr) this.stderr = new Readable({ read() {} });
    this.stdin = options.stdin ? new Writable({ write(c, e, cb) { cb(); } }) : null;
    const h = binding.workerStart(this, spec, data.tape, data.bufs, data.moved, data.ports.map(detachPort));
    this[kWorker] = h.handle;
    this.threadId = h.threadId;
    this[kHandle] = newPort(h.port);
    this[kHandle].on('message', (v) => this.emit('message', v));
    this[kHandle].on('messageerror', (e) => this.emit('messageerror', e));
    this[kHandle].unref();
    this.performance = { eventLoopUtilization() { return { idle: 0, active: 0, utilization: 0 }; } };
  }
  postMessage(...args) {
    if (this[kWorker] === null) return;
    this[kHandle].postMessage(...args);
  }
  terminate(callback) {
    if (typeof callback === 'function') {
      process.emitWarning('Passing a callback to worker.terminate() is deprecated. It returns a Promise instead.',
        'DeprecationWarning', 'DEP0132');
      this.once('exit', (code) => process.nextTick(callback, null, code));
    }
    if (this[kWorker] === null) return Promise.resolve();
    const p = new Promise((resolve) => this.once('exit', resolve));
    binding.workerTerminate(this[kWorker]);
    return p;
  }
  ref() { if (this[kWorker] !== null) binding.workerRef(this[kWorker], true); }
  unref() { if (this[kWorker] !== null) binding.workerRef(this[kWorker], false); }
  getHeapSnapshot() { return Promise.reject(new Error('getHeapSnapshot is not supported by ebbnode')); }
}

// Called by Go on the parent's loop.
function workerOnline(w) { w.emit('online'); }
function workerStdio(w, fd, chunk) {
  const s = fd === 1 ? w.stdout : w.stderr;
  if (s) s.push(Buffer.from(chunk));
}
function workerExit(w, code, err) {
  if (err !== undefined) w.emit('error', err);
  w[kWorker] = null;
  w[kHandle].close();
  if (w.stdout) w.stdout.push(null);
  if (w.stderr) w.stderr.push(null);
  w.emit('exit', code);
}

// ---- what a worker sees
const envData = new Map();
const self = binding.self(); // null on the main thread
const isMainThread = self === null;
let parentPort = null;
let workerData = null;
let resourceLimits = {};
if (!isMainThread) {
  parentPort = newPort(self.port);
  const init = deserialize(self.tape, self.bufs, self.ports.map(newPort));
  workerData = init.d;
  for (const [k, v] of init.e) envData.set(k, v);
  resourceLimits = self.resourceLimits;
}

// clusterPort is a cluster worker's channel to the primary (cluster.js).
let clusterPort = null;
function getClusterPort() {
  if (clusterPort === null) clusterPort = newPort(binding.clusterPort());
  return clusterPort;
}

// Environment data: set in a thread, seen by the workers it starts later
// (a clone made when each starts), as in node.
function getEnvironmentData(key) { return envData.get(key); }
function setEnvironmentData(key, value) {
  if (value === undefined) envData.delete(key);
  else envData.set(key, value);
}

return {
  exports: {
    isMainThread,
    MessagePort,
    MessageChannel,
    markAsUntransferable,
    moveMessagePortToContext,
    receiveMessageOnPort,
    resourceLimits,
    threadId: binding.threadId,
    SHARE_ENV,
    Worker,
    parentPort,
    workerData,
    BroadcastChannel,
    setEnvironmentData,
    getEnvironmentData,
  },
  internal: {
    serialize, deserialize, serializeError, deserializeError, portMessage, portClosed,
    broadcastMessage, workerOnline, workerStdio, workerExit, kCluster, clusterPort: getClusterPort,
  },
};
})
