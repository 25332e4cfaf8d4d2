// base.js: the legacy Stream class, node's stream errors, destroy and the
// predicates the other parts share (internal/streams/legacy, destroy,
// utils in node).

const EE = require('events');
const { Buffer } = require('buffer');
const errors = require('internal/errors');

const nextTick = (fn, ...args) => process.nextTick(fn, ...args);
const nop = () => {};
const kDestroyed = Symbol('kDestroyed');
const kOnFinished = Symbol('kOnFinished');
const kInternal = Symbol.for('ebbnode.stream.internal');

function makeError(Base, code, message) { return errors.makeNodeError(Base, code, message); }
const ERR = {
  PREMATURE_CLOSE: () => makeError(Error, 'ERR_STREAM_PREMATURE_CLOSE', 'Premature close'),
  PUSH_AFTER_EOF: () => makeError(Error, 'ERR_STREAM_PUSH_AFTER_EOF', 'stream.push() after EOF'),
  UNSHIFT_AFTER_END: () => makeError(Error, 'ERR_STREAM_UNSHIFT_AFTER_END_EVENT', 'stream.unshift() after end event'),
  WRITE_AFTER_END: () => makeError(Error, 'ERR_STREAM_WRITE_AFTER_END', 'write after end'),
  DESTROYED: (m) => makeError(Error, 'ERR_STREAM_DESTROYED', `Cannot call ${m} after a stream was destroyed`),
  ALREADY_FINISHED: (m) => makeError(Error, 'ERR_STREAM_ALREADY_FINISHED', `Cannot call ${m} after a stream was finished`),
  NULL_VALUES: () => makeError(TypeError, 'ERR_STREAM_NULL_VALUES', 'May not write null values to stream'),
  MULTIPLE_CALLBACK: () => makeError(Error, 'ERR_MULTIPLE_CALLBACK', 'Callback called multiple times'),
  NOT_IMPLEMENTED: (m) => makeError(Error, 'ERR_METHOD_NOT_IMPLEMENTED', `The ${m} method is not implemented`),
  UNKNOWN_ENCODING: (e) => makeError(TypeError, 'ERR_UNKNOWN_ENCODING', `Unknown encoding: ${e}`),
  MISSING_ARGS: (n) => makeError(TypeError, 'ERR_MISSING_ARGS', `The "${n}" argument must be specified`),
  ABORT: () => { const e = new Error('The operation was aborted'); e.name = 'AbortError'; e.code = 'ABORT_ERR'; return e; },
};

function Stream(opts) { EE.call(this, opts); }
Object.setPrototypeOf(Stream.prototype, EE.prototype);
Object.setPrototypeOf(Stream, EE);

// The legacy pipe of the old Stream class: data to write, pause on a
// false write, resume on 'drain'.
Stream.prototype.pipe = function pipe(dest, options) {
  const source = this;
  function ondata(chunk) { if (dest.writable && dest.write(chunk) === false && source.pause) source.pause(); }
  source.on('data', ondata);
  function ondrain() { if (source.readable && source.resume) source.resume(); }
  dest.on('drain', ondrain);
  let didOnEnd = false;
  function onend() { if (didOnEnd) return; didOnEnd = true; dest.end(); }
  function onclose() { if (didOnEnd) return; didOnEnd = true; if (typeof dest.destroy === 'function') dest.destroy(); }
  if (!dest._isStdio && (!options || options.end !== false)) { source.on('end', onend); source.on('close', onclose); }
  function onerror(er) { cleanup(); if (EE.listenerCount(this, 'error') === 0) this.emit('error', er); }
  source.prependListener('error', onerror);
  dest.prependListener('error', onerror);
  function cleanup() {
    source.removeListener('data', ondata); dest.removeListener('drain', ondrain);
    source.removeListener('end', onend); source.removeListener('close', onclose);
    source.removeListener('error', onerror); dest.removeListener('error', onerror);
    source.removeListener('end', cleanup); source.removeListener('close', cleanup);
    dest.removeListener('close', cleanup);
  }
  source.on('end', cleanup); source.on('close', cleanup); dest.on('close', cleanup);
  dest.emit('pipe', source);
  return dest;
};

// highWaterMark defaults, as node 20's getDefaultHighWaterMark.
let defaultHWM = 16 * 1024;
let defaultObjectHWM = 16;
function getDefaultHighWaterMark(objectMode) { return objectMode ? defaultObjectHWM : defaultHWM; }
function setDefaultHighWaterMark(objectMode, value) {
  errors.validateInteger(value, 'value', 0);
  if (objectMode) defaultObjectHWM = value; else defaultHWM = value;
}
function getHighWaterMark(state, options, duplexKey, isDuplex) {
  let hwm = options.highWaterMark != null ? options.highWaterMark : (isDuplex ? options[duplexKey] : null);
  if (hwm != null) {
    if (!Number.isInteger(hwm) || hwm < 0) {
      const name = isDuplex ? `options.${duplexKey}` : 'options.highWaterMark';
      throw errors.invalidArgValue(name, hwm);
    }
    return Math.floor(hwm);
  }
  return getDefaultHighWaterMark(state.objectMode);
}

// --- predicates (internal/streams/utils) ---
function isReadableNodeStream(obj, strict = false) {
  return !!(obj && typeof obj.pipe === 'function' && typeof obj.on === 'function' &&
    (!strict || (typeof obj.pause === 'function' && typeof obj.resume === 'function')) &&
    (!obj._writableState || (obj._readableState && obj._readableState.readable !== false)) &&
    (!obj._writableState || obj._readableState));
}
function isWritableNodeStream(obj) {
  return !!(obj && typeof obj.write === 'function' && typeof obj.on === 'function' &&
    (!obj._readableState || (obj._writableState && obj._writableState.writable !== false)));
}
function isNodeStream(obj) {
  return !!(obj && (obj._readableState || obj._writableState ||
    (typeof obj.write === 'function' && typeof obj.on === 'function') ||
    (typeof obj.pipe === 'function' && typeof obj.on === 'function')));
}
function isIterable(obj, isAsync) {
  if (obj == null) return false;
  if (isAsync === true) return typeof obj[Symbol.asyncIterator] === 'function';
  if (isAsync === false) return typeof obj[Symbol.iterator] === 'function';
  return typeof obj[Symbol.asyncIterator] === 'function' || typeof obj[Symbol.iterator] === 'function';
}
function isDestroyed(stream) {
  if (!isNodeStream(stream)) return null;
  const state = stream._writableState || stream._readableState;
  return !!(stream.destroyed || stream[kDestroyed] || (state && state.destroyed));
}
function isWritableEnded(stream) {
  if (!isWritableNodeStream(stream)) return null;
  if (stream.writableEnded === true) return true;
  const w = stream._writableState;
  if (w && w.errored) return false;
  if (!w || typeof w.ended !== 'boolean') return null;
  return w.ended;
}
function isWritableFinished(stream, strict) {
  if (!isWritableNodeStream(stream)) return null;
  if (stream.writableFinished === true) return true;
  const w = stream._writableState;
  if (w && w.errored) return false;
  if (!w || typeof w.finished !== 'boolean') return null;
  return !!(w.finished || (strict === false && w.ended === true && w.length === 0));
}
function isReadableFinished(stream, strict) {
  if (!isReadableNodeStream(stream)) return null;
  const r = stream._readableState;
  if (r && r.errored) return false;
  if (!r || typeof r.endEmitted !== 'boolean') return null;
  return !!(r.endEmitted || (strict === false && r.ended === true && r.length === 0));
}
function isReadable(stream) {
  if (!stream || typeof stream.readable !== 'boolean') return null;
  if (isDestroyed(stream)) return false;
  return isReadableNodeStream(stream) && stream.readable && !isReadableFinished(stream);
}
function isWritable(stream) {
  if (!stream || typeof stream.writable !== 'boolean') return null;
  if (isDestroyed(stream)) return false;
  return isWritableNodeStream(stream) && stream.writable && !isWritableEnded(stream);
}
function isClosed(stream) {
  if (!isNodeStream(stream)) return null;
  const w = stream._writableState; const r = stream._readableState;
  if ((w && typeof w.closed === 'boolean') || (r && typeof r.closed === 'boolean')) {
    return !!((w && w.closed) || (r && r.closed));
  }
  return null;
}
function isWritableErrored(stream) {
  if (!stream) return null;
  if (stream.writableErrored != null) return stream.writableErrored;
  return (stream._writableState && stream._writableState.errored) || null;
}
function isReadableErrored(stream) {
  if (!stream) return null;
  if (stream.readableErrored != null) return stream.readableErrored;
  return (stream._readableState && stream._readableState.errored) || null;
}
function willEmitClose(stream) {
  if (!isNodeStream(stream)) return false;
  const state = stream._writableState || stream._readableState;
  return !!(state && state.autoDestroy && state.emitClose && state.closed === false);
}
function isErrored(stream) {
  return !!(stream && (stream.readableErrored || stream.writableErrored ||
    (stream._readableState && stream._readableState.errored) ||
    (stream._writableState && stream._writableState.errored)));
}
function isDisturbed(stream) {
  return !!(stream && (stream.readableDidRead || stream.readableAborted));
}

// --- destroy (internal/streams/destroy) ---
function checkError(err, w, r) {
  if (err) {
    err.stack; // eslint-disable-line no-unused-expressions
    if (w && !w.errored) w.errored = err;
    if (r && !r.errored) r.errored = err;
  }
}

function destroy(err, cb) {
  const r = this._readableState;
  const w = this._writableState;
  const s = w || r;
  if ((w && w.destroyed) || (r && r.destroyed)) {
    if (typeof cb === 'function') cb();
    return this;
  }
  checkError(err, w, r);
  if (w) w.destroyed = true;
  if (r) r.destroyed = true;
  if (!s.constructed) {
    this.once(kDestroyed, function (er) { _destroy(this, aggregateTwoErrors(er, err), cb); });
  } else {
    _destroy(this, err, cb);
  }
  return this;
}

function _destroy(self, err, cb) {
  let called = false;
  function onDestroy(err) {
    if (called) return;
    called = true;
    const r = self._readableState;
    const w = self._writableState;
    checkError(err, w, r);
    if (w) w.closed = true;
    if (r) r.closed = true;
    if (typeof cb === 'function') cb(err);
    if (err) nextTick(emitErrorCloseNT, self, err);
    else nextTick(emitCloseNT, self);
  }
  try {
    self._destroy(err || null, onDestroy);
  } catch (e) {
    onDestroy(e);
  }
}

function emitErrorCloseNT(self, err) { emitErrorNT(self, err); emitCloseNT(self); }

function emitCloseNT(self) {
  const r = self._readableState;
  const w = self._writableState;
  if (w) w.closeEmitted = true;
  if (r) r.closeEmitted = true;
  if ((w && w.emitClose) || (r && r.emitClose)) self.emit('close');
}

function emitErrorNT(self, err) {
  const r = self._readableState;
  const w = self._writableState;
  if ((w && w.errorEmitted) || (r && r.errorEmitted)) return;
  if (w) w.errorEmitted = true;
  if (r) r.errorEmitted = true;
  self.emit('error', err);
}

function undestroy() {
  const r = this._readableState;
  const w = this._writableState;
  if (r) {
    r.constructed = true; r.closed = false; r.closeEmitted = false; r.destroyed = false;
    r.errored = null; r.errorEmitted = false; r.reading = false;
    r.ended = r.readable === false; r.endEmitted = r.readable === false;
  }
  if (w) {
    w.constructed = true; w.destroyed = false; w.closed = false; w.closeEmitted = false;
    w.errored = null; w.errorEmitted = false; w.finalCalled = false; w.prefinished = false;
    w.ended = w.writable === false; w.ending = w.writable === false; w.finished = w.writable === false;
  }
}

function errorOrDestroy(stream, err, sync) {
  const r = stream._readableState;
  const w = stream._writableState;
  if ((w && w.destroyed) || (r && r.destroyed)) return;
  if ((r && r.autoDestroy) || (w && w.autoDestroy)) {
    stream.destroy(err);
  } else if (err) {
    err.stack; // eslint-disable-line no-unused-expressions
    if (w && !w.errored) w.errored = err;
    if (r && !r.errored) r.errored = err;
    if (sync) nextTick(emitErrorNT, stream, err);
    else emitErrorNT(stream, err);
  }
}

// construct runs options.construct (or _construct) before any _read or
// _write, on the next tick.
function construct(stream, cb) {
  if (typeof stream._construct !== 'function') return;
  const r = stream._readableState;
  const w = stream._writableState;
  if (r) r.constructed = false;
  if (w) w.constructed = false;
  stream.once(kConstruct, cb);
  if (stream.listenerCount(kConstruct) > 1) return;
  nextTick(constructNT, stream);
}
const kConstruct = Symbol('kConstruct');

function constructNT(stream) {
  let called = false;
  function onConstruct(err) {
    if (called) { errorOrDestroy(stream, err != null ? err : ERR.MULTIPLE_CALLBACK()); return; }
    called = true;
    const r = stream._readableState;
    const w = stream._writableState;
    const s = w || r;
    if (r) r.constructed = true;
    if (w) w.constructed = true;
    if (s.destroyed) stream.emit(kDestroyed, err);
    else if (err) errorOrDestroy(stream, err, true);
    else nextTick(() => stream.emit(kConstruct));
  }
  try {
    stream._construct((err) => { nextTick(onConstruct, err); });
  } catch (err) {
    nextTick(onConstruct, err);
  }
}

// destroyer ends any stream-like thing, as pipeline and the async
// iterator do.
function destroyer(stream, err) {
  if (!stream || isDestroyed(stream)) return;
  if (!err && !isFinished(stream)) err = ABORT_ERR();
  if (typeof stream.destroy === 'function') stream.destroy(err);
  else if (typeof stream.close === 'function') stream.close();
  else if (err) nextTick((s, e) => s.emit('error', e), stream, err);
  else nextTick((s) => s.emit('close'), stream);
  if (!stream.destroyed) stream[kDestroyed] = true;
}
function ABORT_ERR() { return ERR.ABORT(); }
function isFinished(stream) {
  if (!isNodeStream(stream)) return null;
  if (isDestroyed(stream)) return true;
  if ((stream._readableState && stream._readableState.readable !== false) && !isReadableFinished(stream)) return false;
  if (isWritableNodeStream(stream) && !isWritableFinished(stream)) return false;
  return true;
}

function aggregateTwoErrors(inner, outer) {
  if (inner && outer && inner !== outer) {
    if (Array.isArray(outer.errors)) { outer.errors.push(inner); return outer; }
    const err = new AggregateError([outer, inner], outer.message);
    err.code = outer.code;
    return err;
  }
  return inner || outer;
}

function once(fn) {
  let called = false;
  return function (...args) {
    if (called) return;
    called = true;
    return Reflect.apply(fn, this, args);
  };
}

function isUint8Array(v) { return v instanceof Uint8Array; }
function toBuffer(u8) { return Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength); }
