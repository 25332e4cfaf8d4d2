'use strict';
// node's net module: Socket (a stream.Duplex over a Go connection handle),
// Server (over a Go listener handle), connect/createServer, isIP. The Go
// side (binding.go, conn.go) does the I/O on goroutines and calls back here
// on the event loop.

const EE = require('events');
const stream = require('stream');
const { Buffer } = require('buffer');
const errors = require('internal/errors');
const binding = internal;

const kTimeout = Symbol('kTimeout');
const kBytesRead = Symbol('kBytesRead');
const kBytesWritten = Symbol('kBytesWritten');
const kSetNoDelay = Symbol('kSetNoDelay');
const kSetKeepAlive = Symbol('kSetKeepAlive');
const kKeepAliveDelay = Symbol('kKeepAliveDelay');
const nop = () => {};

// --- addresses ---
function isIPv4(s) {
  if (typeof s !== 'string') return false;
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^(0|[1-9][0-9]{0,2})$/.test(p) && Number(p) <= 255);
}

function isIPv6(s) {
  if (typeof s !== 'string') return false;
  const pct = s.indexOf('%');
  if (pct !== -1) {
    if (!/^[0-9a-zA-Z\-.:]+$/.test(s.slice(pct + 1))) return false;
    s = s.slice(0, pct);
  }
  const halves = s.split('::');
  if (halves.length > 2) return false;
  const groups = (h) => (h === '' ? [] : h.split(':'));
  let count = 0;
  const last = halves.length - 1;
  for (let i = 0; i < halves.length; i++) {
    const gs = groups(halves[i]);
    for (let j = 0; j < gs.length; j++) {
      const g = gs[j];
      if (i === last && j === gs.length - 1 && g.includes('.')) {
        if (!isIPv4(g)) return false;
        count += 2;
      } else if (/^[0-9a-fA-F]{1,4}$/.test(g)) {
        count++;
      } else {
        return false;
      }
    }
  }
  return halves.length === 2 ? count <= 7 : count === 8;
}

function isIP(s) {
  if (isIPv4(s)) return 4;
  if (isIPv6(s)) return 6;
  return 0;
}

// --- errors, as node's uvException and friends build them ---
function errnoException(info, syscall) {
  const err = new Error(`${syscall} ${info.code}`);
  err.errno = info.errno;
  err.code = info.code;
  err.syscall = syscall;
  return err;
}

function exceptionWithHostPort(info, syscall, address, port) {
  const details = port && port > 0 ? `${address}:${port}` : address;
  const err = new Error(`${syscall} ${info.code}${details ? ` ${details}` : ''}`);
  err.errno = info.errno;
  err.code = info.code;
  err.syscall = syscall;
  err.address = address;
  if (port) err.port = port;
  return err;
}

function uvExceptionWithHostPort(info, syscall, address, port) {
  const details = port && port > 0 ? `${address}:${port}` : address;
  const err = new Error(`${syscall} ${info.code}: ${info.message}${details ? ` ${details}` : ''}`);
  err.code = info.code;
  err.errno = info.errno;
  err.syscall = syscall;
  err.address = address;
  if (port) err.port = port;
  return err;
}

function validatePort(port, name = 'Port', allowZero = true) {
  if ((typeof port !== 'number' && typeof port !== 'string') ||
      (typeof port === 'string' && port.trim().length === 0) ||
      +port !== (+port >>> 0) || port > 0xFFFF || (port === 0 && !allowZero)) {
    throw errors.makeNodeError(RangeError, 'ERR_SOCKET_BAD_PORT',
      `${name} should be >= 0 and < 65536. Received ${errors.determineSpecificType(port)}.`);
  }
  return port | 0;
}

function normalizeArgs(args) {
  if (args.length === 0) return [{}, null];
  const arg0 = args[0];
  let options = {};
  if (typeof arg0 === 'object' && arg0 !== null) {
    options = arg0;
  } else if (typeof arg0 === 'string' && Number.isNaN(Number(arg0))) {
    options.path = arg0;
  } else {
    options.port = arg0;
    if (args.length > 1 && typeof args[1] === 'string') options.host = args[1];
  }
  const cb = args[args.length - 1];
  return [options, typeof cb === 'function' ? cb : null];
}

// --- Socket ---
function Socket(options) {
  if (!(this instanceof Socket)) return new Socket(options);
  if (options && (options.objectMode || options.readableObjectMode || options.writableObjectMode)) {
    const name = options.objectMode ? 'objectMode' : options.readableObjectMode ? 'readableObjectMode' : 'writableObjectMode';
    throw errors.invalidArgValue(`options.${name}`, options[name], 'is not supported');
  }
  this.connecting = false;
  this._hadError = false;
  this._handle = null;
  this._parent = null;
  this._host = null;
  this[kTimeout] = null;
  options = typeof options === 'number' ? { fd: options } : { ...options };
  options.allowHalfOpen = Boolean(options.allowHalfOpen);
  options.emitClose = false;
  options.autoDestroy = true;
  options.decodeStrings = false;
  stream.Duplex.call(this, options);
  this[kSetNoDelay] = Boolean(options.noDelay);
  this[kSetKeepAlive] = Boolean(options.keepAlive);
  this[kKeepAliveDelay] = ~~((options.keepAliveInitialDelay || 0) / 1000);
  this.on('end', onReadableStreamEnd);
  this._peername = null;
  this._sockname = null;
  this._pendingData = null;
  this._pendingEncoding = '';
  this.server = null;
  this._server = null;
  this[kBytesRead] = 0;
  this[kBytesWritten] = 0;
  if (options.handle) {
    this._handle = options.handle;
    if (options.readable !== false) {
      if (options.pauseOnCreate) {
        this._handle.reading = false;
        this.readableFlowing = false;
      } else {
        this.read(0);
      }
    }
  }
}
Object.setPrototypeOf(Socket.prototype, stream.Duplex.prototype);
Object.setPrototypeOf(Socket, stream.Duplex);

function onReadableStreamEnd() {
  if (!this.allowHalfOpen) this.write = writeAfterFIN;
}

function writeAfterFIN(chunk, encoding, cb) {
  if (!this.writableEnded) return stream.Duplex.prototype.write.call(this, chunk, encoding, cb);
  if (typeof encoding === 'function') cb = encoding;
  const er = new Error('This socket has been ended by the other party');
  er.code = 'EPIPE';
  if (typeof cb === 'function') process.nextTick(cb, er);
  this.destroy(er);
  return false;
}

function tryReadStart(socket) {
  const handle = socket._handle;
  handle.reading = true;
  handle.readStart((buf, info) => onStreamRead(socket, handle, buf, info));
}

function onStreamRead(socket, handle, buf, info) {
  if (socket._handle !== handle) return;
  socket._unrefTimer();
  if (buf) {
    socket[kBytesRead] += buf.length;
    if (!socket.destroyed && !socket.push(buf)) {
      handle.reading = false;
      handle.readStop();
    }
    return;
  }
  if (info) {
    socket.destroy(errnoException(info, 'read'));
    return;
  }
  socket.push(null);
  socket.read(0);
}

Socket.prototype._read = function (n) {
  if (this.connecting || !this._handle) {
    this.once('connect', () => this._read(n));
  } else if (!this._handle.reading) {
    tryReadStart(this);
  }
};

Socket.prototype._writeGeneric = function (writev, data, encoding, cb) {
  if (this.connecting) {
    this._pendingData = data;
    this._pendingEncoding = encoding;
    const onClose = () => {
      cb(errors.makeNodeError(Error, 'ERR_SOCKET_CLOSED_BEFORE_CONNECTION', 'Socket closed before the connection was established'));
    };
    this.once('connect', function connect() {
      this.off('close', onClose);
      this._writeGeneric(writev, data, encoding, cb);
    });
    this.once('close', onClose);
    return;
  }
  this._pendingData = null;
  this._pendingEncoding = '';
  if (!this._handle) {
    cb(errors.makeNodeError(Error, 'ERR_SOCKET_CLOSED', 'Socket is closed'));
    return;
  }
  this._unrefTimer();
  let buf;
  if (writev) {
    buf = Buffer.concat(data.map(({ chunk, encoding: enc }) => (typeof chunk === 'string' ? Buffer.from(chunk, enc) : chunk)));
  } else {
    buf = typeof data === 'string' ? Buffer.from(data, encoding) : data;
  }
  this[kBytesWritten] += buf.length;
  const done = this._handle.write(buf, (info) => {
    if (this.destroyed) { cb(); return; }
    if (info) { cb(errnoException(info, 'write')); return; }
    this._unrefTimer();
    cb();
  });
  if (done) cb(); // written at once, as node completes a write that uv_try_write took
};

Socket.prototype._write = function (data, encoding, cb) { this._writeGeneric(false, data, encoding, cb); };
Socket.prototype._writev = function (chunks, cb) { this._writeGeneric(true, chunks, '', cb); };

Socket.prototype._final = function (cb) {
  if (this.pending) return this.once('connect', () => this._final(cb));
  if (!this._handle) return cb();
  this._handle.shutdown((info) => cb(info ? errnoException(info, 'shutdown') : undefined));
};

Socket.prototype.end = function (data, encoding, callback) {
  stream.Duplex.prototype.end.call(this, data, encoding, callback);
  return this;
};

Socket.prototype.destroySoon = function () {
  if (this.writable) this.end();
  if (this.writableFinished) this.destroy();
  else this.once('finish', this.destroy);
};

Socket.prototype._destroy = function (exception, cb) {
  this.connecting = false;
  clearTimeout(this[kTimeout]);
  if (this._handle) {
    const isException = !!exception;
    const handle = this._handle;
    this._handle = null;
    this._sockname = null;
    if (this.resetAndClosing && handle.reset) {
      this.resetAndClosing = false;
      handle.reset(() => this.emit('close', isException));
    } else {
      handle.close(() => this.emit('close', isException));
    }
    cb(exception);
  } else {
    cb(exception);
    process.nextTick(() => this.emit('close'));
  }
  if (this._server) {
    this._server._connections--;
    this._server._emitCloseIfDrained();
  }
};

Socket.prototype.connect = function (...args) {
  const [options, cb] = Array.isArray(args[0]) ? args[0] : normalizeArgs(args);
  if (this.write !== Socket.prototype.write) this.write = Socket.prototype.write;
  if (this.destroyed) {
    this._handle = null;
    this._peername = null;
    this._sockname = null;
    this._undestroy();
  }
  if (cb !== null) this.once('connect', cb);
  if (options.path) throw errors.makeNodeError(Error, 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM', 'ebbnode: IPC (pipe) sockets are not supported');
  const host = options.host || 'localhost';
  let port = options.port;
  if (port === undefined) throw errors.invalidArgType('options.port', ['number', 'string'], port);
  port = validatePort(port);
  this._host = host;
  this.connecting = true;
  // Until the dial completes, a placeholder handle stands in, so that a
  // destroy meanwhile closes "a handle" as node's does.
  const pending = { pending: true, reading: false, close: (fn) => setImmediate(fn) };
  this._handle = pending;
  binding.connect(host, port, (info, handle) => {
    if (this._handle !== pending) {
      if (handle) handle.close(nop);
      return;
    }
    this.connecting = false;
    if (info) {
      const addr = isIP(host) ? host : host;
      this.destroy(exceptionWithHostPort(info, 'connect', addr, port));
      return;
    }
    this._handle = handle;
    this._unrefTimer();
    if (this[kSetNoDelay]) handle.setNoDelay(true);
    if (this[kSetKeepAlive]) handle.setKeepAlive(true, this[kKeepAliveDelay]);
    if (this._unrefPending) handle.unref();
    this.emit('connect');
    this.emit('ready');
    if (!this.isPaused()) this.read(0);
  });
  return this;
};

Socket.prototype.setTimeout = function (msecs, callback) {
  if (this.destroyed) return this;
  this.timeout = msecs;
  errors.validateNumber(msecs, 'msecs');
  clearTimeout(this[kTimeout]);
  this[kTimeout] = null;
  if (msecs === 0) {
    if (callback !== undefined) this.removeListener('timeout', callback);
  } else {
    const t = setTimeout(() => this._onTimeout(), msecs);
    t.unref();
    this[kTimeout] = t;
    if (callback !== undefined) {
      errors.validateFunction(callback, 'callback');
      this.once('timeout', callback);
    }
  }
  return this;
};

Socket.prototype._onTimeout = function () { this.emit('timeout'); };

Socket.prototype._unrefTimer = function () {
  if (this[kTimeout]) this[kTimeout].refresh();
};

Socket.prototype.setNoDelay = function (enable) {
  const noDelay = enable === undefined ? true : !!enable;
  if (!this._handle || this._handle.pending) {
    this[kSetNoDelay] = noDelay;
    return this;
  }
  if (noDelay !== this[kSetNoDelay]) {
    this[kSetNoDelay] = noDelay;
    this._handle.setNoDelay(noDelay);
  }
  return this;
};

Socket.prototype.setKeepAlive = function (enable, initialDelayMsecs) {
  enable = Boolean(enable);
  const delay = ~~((initialDelayMsecs || 0) / 1000);
  if (!this._handle || this._handle.pending) {
    this[kSetKeepAlive] = enable;
    this[kKeepAliveDelay] = delay;
    return this;
  }
  if (enable !== this[kSetKeepAlive] || (enable && this[kKeepAliveDelay] !== delay)) {
    this[kSetKeepAlive] = enable;
    this[kKeepAliveDelay] = delay;
    this._handle.setKeepAlive(enable, delay);
  }
  return this;
};

Socket.prototype.address = function () { return this._getsockname(); };

Socket.prototype._getpeername = function () {
  if (!this._handle || this._handle.pending || this.connecting) return this._peername || {};
  if (!this._peername) this._peername = { ...this._handle.remote };
  return this._peername;
};

Socket.prototype._getsockname = function () {
  if (!this._handle || this._handle.pending) return {};
  if (!this._sockname) this._sockname = { ...this._handle.local };
  return this._sockname;
};

Socket.prototype.ref = function () {
  if (!this._handle || this._handle.pending) { this._unrefPending = false; return this; }
  this._handle.ref();
  return this;
};

Socket.prototype.unref = function () {
  if (!this._handle || this._handle.pending) { this._unrefPending = true; return this; }
  this._handle.unref();
  return this;
};

Socket.prototype.resetAndDestroy = function () {
  if (this._handle) {
    if (this.connecting) {
      this.once('connect', () => this._reset());
    } else {
      this._reset();
    }
  } else {
    this.destroy(errors.makeNodeError(Error, 'ERR_SOCKET_CLOSED', 'Socket is closed'));
  }
  return this;
};

Socket.prototype._reset = function () {
  this.resetAndClosing = true;
  return this.destroy();
};

function getter(name, fn) {
  Object.defineProperty(Socket.prototype, name, { get: fn, configurable: true, enumerable: false });
}
getter('remoteAddress', function () { return this._getpeername().address; });
getter('remoteFamily', function () { return this._getpeername().family; });
getter('remotePort', function () { return this._getpeername().port; });
getter('localAddress', function () { return this._getsockname().address; });
getter('localPort', function () { return this._getsockname().port; });
getter('localFamily', function () { return this._getsockname().family; });
getter('pending', function () { return !this._handle || this._handle.pending === true || this.connecting; });
getter('bytesRead', function () { return this[kBytesRead]; });
getter('bytesWritten', function () {
  let bytes = this[kBytesWritten];
  const wb = this.writableBuffer;
  if (!wb) return undefined;
  for (const el of wb) bytes += el.chunk instanceof Buffer ? el.chunk.length : Buffer.byteLength(el.chunk, el.encoding);
  const data = this._pendingData;
  if (Array.isArray(data)) {
    for (const el of data) bytes += el.chunk instanceof Buffer ? el.chunk.length : Buffer.byteLength(el.chunk, el.encoding);
  } else if (data) {
    bytes += typeof data === 'string' ? Buffer.byteLength(data, this._pendingEncoding) : data.length;
  }
  return bytes;
});
getter('bufferSize', function () { return this._handle ? this.writableLength : undefined; });
getter('readyState', function () {
  if (this.connecting) return 'opening';
  if (this.readable && this.writable) return 'open';
  if (this.readable && !this.writable) return 'readOnly';
  if (!this.readable && this.writable) return 'writeOnly';
  return 'closed';
});

// --- Server ---
function Server(options, connectionListener) {
  if (!(this instanceof Server)) return new Server(options, connectionListener);
  EE.call(this);
  if (typeof options === 'function') {
    connectionListener = options;
    options = {};
    this.on('connection', connectionListener);
  } else if (options == null || typeof options === 'object') {
    options = { ...options };
    if (typeof connectionListener === 'function') this.on('connection', connectionListener);
  } else {
    throw errors.invalidArgType('options', 'Object', options);
  }
  this._connections = 0;
  this._handle = null;
  this._unref = false;
  this.allowHalfOpen = options.allowHalfOpen || false;
  this.pauseOnConnect = !!options.pauseOnConnect;
  this.noDelay = Boolean(options.noDelay);
  this.keepAlive = Boolean(options.keepAlive);
  this.keepAliveInitialDelay = ~~((options.keepAliveInitialDelay || 0) / 1000);
  this.highWaterMark = options.highWaterMark != null ? options.highWaterMark : stream.getDefaultHighWaterMark();
  this.maxConnections = undefined;
}
Object.setPrototypeOf(Server.prototype, EE.prototype);
Object.setPrototypeOf(Server, EE);

Server.prototype.listen = function (...args) {
  const [options, cb] = normalizeArgs(args);
  if (args.length === 0 || typeof args[0] === 'function') options.port = 0; // any free port
  if (typeof cb === 'function') this.once('listening', cb);
  if (this._handle) throw errors.makeNodeError(Error, 'ERR_SERVER_ALREADY_LISTEN', 'Listen method has been called more than once without closing.');
  if (options.path) throw errors.makeNodeError(Error, 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM', 'ebbnode: IPC (pipe) servers are not supported');
  const port = options.port === undefined || options.port === null ? 0 : validatePort(options.port, 'options.port');
  const host = options.host || '';
  // node binds at once without a host, and after a lookup (a tick for an
  // IP literal) with one.
  if (host) process.nextTick(() => listenNow(this, host, port));
  else listenNow(this, host, port);
  return this;
};

function listenNow(self, host, port) {
  if (self._handle) return;
  const address = host || '::';
  const res = binding.listen(host, port,
    (handle) => onconnection(self, handle),
    (info) => self.emit('error', errnoException(info, 'accept')));
  if (res.error) {
    const ex = uvExceptionWithHostPort(res.error, 'listen', address, port);
    process.nextTick(() => self.emit('error', ex));
    return;
  }
  self._handle = res.handle;
  if (self._unref) self._handle.unref();
  process.nextTick(() => { if (self._handle) self.emit('listening'); });
}

function onconnection(self, handle) {
  if (self.maxConnections && self._connections >= self.maxConnections) {
    handle.close(nop);
    self.emit('drop', {
      localAddress: handle.local.address, localPort: handle.local.port, localFamily: handle.local.family,
      remoteAddress: handle.remote.address, remotePort: handle.remote.port, remoteFamily: handle.remote.family,
    });
    return;
  }
  const socket = new Socket({
    handle,
    allowHalfOpen: self.allowHalfOpen,
    pauseOnCreate: self.pauseOnConnect,
    readable: true,
    writable: true,
    readableHighWaterMark: self.highWaterMark,
    writableHighWaterMark: self.highWaterMark,
  });
  if (self.noDelay) { socket[kSetNoDelay] = true; handle.setNoDelay(true); }
  if (self.keepAlive) {
    socket[kSetKeepAlive] = true;
    socket[kKeepAliveDelay] = self.keepAliveInitialDelay;
    handle.setKeepAlive(true, self.keepAliveInitialDelay);
  }
  self._connections++;
  socket.server = self;
  socket._server = self;
  self.emit('connection', socket);
}

Server.prototype.address = function () { return this._handle ? this._handle.address() : null; };

Server.prototype.close = function (cb) {
  if (typeof cb === 'function') {
    if (!this._handle) {
      this.once('close', () => cb(errors.makeNodeError(Error, 'ERR_SERVER_NOT_RUNNING', 'Server is not running.')));
    } else {
      this.once('close', cb);
    }
  }
  if (this._handle) {
    this._handle.close();
    this._handle = null;
  }
  this._emitCloseIfDrained();
  return this;
};

Server.prototype._emitCloseIfDrained = function () {
  if (this._handle || this._connections) return;
  process.nextTick(() => this.emit('close'));
};

Server.prototype.getConnections = function (cb) {
  process.nextTick(cb, null, this._connections);
  return this;
};

Server.prototype.ref = function () {
  this._unref = false;
  if (this._handle) this._handle.ref();
  return this;
};

Server.prototype.unref = function () {
  this._unref = true;
  if (this._handle) this._handle.unref();
  return this;
};

Object.defineProperty(Server.prototype, 'listening', {
  get() { return !!this._handle; }, configurable: true, enumerable: true,
});

function createServer(options, connectionListener) { return new Server(options, connectionListener); }

function connect(...args) {
  const normalized = normalizeArgs(args);
  const [options] = normalized;
  const socket = new Socket(options);
  if (options.timeout) socket.setTimeout(options.timeout);
  return socket.connect(normalized);
}

module.exports = {
  createServer, connect, createConnection: connect,
  Server, Socket, Stream: Socket,
  isIP, isIPv4, isIPv6,
  getDefaultAutoSelectFamily: () => true,
  setDefaultAutoSelectFamily: nop,
  getDefaultAutoSelectFamilyAttemptTimeout: () => 250,
  setDefaultAutoSelectFamilyAttemptTimeout: nop,
};
