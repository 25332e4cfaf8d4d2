// outgoing.js: OutgoingMessage, the shared half of ServerResponse and
// ClientRequest: the header store, the head as node writes it (user
// headers in insertion order, then Date, Connection, Keep-Alive and the
// body framing), chunked framing, and writes held in outputData until the
// message owns its socket (a pipelined response waits for the one before).
const kOutHeaders = Symbol('kOutHeaders');
const kNeedDrain = Symbol('kNeedDrain');
const crlf = Buffer.from('\r\n', 'latin1');
const empty = Buffer.alloc(0);

function OutgoingMessage() {
  stream.Stream.call(this);
  this.outputData = [];
  this.outputSize = 0;
  this.writable = true;
  this.destroyed = false;
  this._last = false;
  this.chunkedEncoding = false;
  this.shouldKeepAlive = true;
  this.maxRequestsOnConnectionReached = false;
  this._defaultKeepAlive = true;
  this.useChunkedEncodingByDefault = true;
  this.sendDate = false;
  this._removedConnection = false;
  this._removedContLen = false;
  this._removedTE = false;
  this.strictContentLength = false;
  this._contentLength = null;
  this._hasBody = true;
  this._trailer = '';
  this[kNeedDrain] = false;
  this.finished = false;
  this._headerSent = false;
  this._closed = false;
  this.socket = null;
  this._header = null;
  this[kOutHeaders] = null;
  this._keepAliveTimeout = 0;
  this._onPendingData = nop;
}
Object.setPrototypeOf(OutgoingMessage.prototype, stream.Stream.prototype);
Object.setPrototypeOf(OutgoingMessage, stream.Stream);

function headersSentError(verb) {
  return httpError('ERR_HTTP_HEADERS_SENT', `Cannot ${verb} headers after they are sent to the client`);
}

const OM = OutgoingMessage.prototype;

OM.setHeader = function (name, value) {
  if (this._header) throw headersSentError('set');
  validateHeaderName(name);
  validateHeaderValue(name, value);
  if (this[kOutHeaders] === null) this[kOutHeaders] = Object.create(null);
  this[kOutHeaders][name.toLowerCase()] = [name, value];
  return this;
};

OM.appendHeader = function (name, value) {
  if (this._header) throw headersSentError('append');
  validateHeaderName(name);
  validateHeaderValue(name, value);
  const key = name.toLowerCase();
  if (this[kOutHeaders] === null) this[kOutHeaders] = Object.create(null);
  const cur = this[kOutHeaders][key];
  if (cur === undefined) {
    this[kOutHeaders][key] = [name, value];
  } else {
    const values = Array.isArray(cur[1]) ? cur[1] : [cur[1]];
    this[kOutHeaders][key] = [cur[0], values.concat(value)];
  }
  return this;
};

OM.getHeader = function (name) {
  errors.validateString(name, 'name');
  const h = this[kOutHeaders];
  if (h === null) return undefined;
  const e = h[name.toLowerCase()];
  return e && e[1];
};

OM.getHeaderNames = function () {
  return this[kOutHeaders] !== null ? Object.keys(this[kOutHeaders]) : [];
};

OM.getRawHeaderNames = function () {
  const h = this[kOutHeaders];
  return h === null ? [] : Object.values(h).map((e) => e[0]);
};

OM.getHeaders = function () {
  const h = this[kOutHeaders];
  const ret = Object.create(null);
  if (h) for (const key of Object.keys(h)) ret[key] = h[key][1];
  return ret;
};

OM.hasHeader = function (name) {
  errors.validateString(name, 'name');
  return this[kOutHeaders] !== null && !!this[kOutHeaders][name.toLowerCase()];
};

OM.removeHeader = function (name) {
  errors.validateString(name, 'name');
  if (this._header) throw headersSentError('remove');
  const key = name.toLowerCase();
  if (key === 'connection') this._removedConnection = true;
  else if (key === 'content-length') this._removedContLen = true;
  else if (key === 'transfer-encoding') this._removedTE = true;
  else if (key === 'date') this.sendDate = false;
  if (this[kOutHeaders] !== null) delete this[kOutHeaders][key];
};

Object.defineProperty(OM, 'headersSent', { configurable: true, enumerable: true, get() { return !!this._header; } });
Object.defineProperty(OM, 'writableEnded', { configurable: true, get() { return this.finished; } });
Object.defineProperty(OM, 'writableFinished', {
  configurable: true,
  get() { return this.finished && this.outputSize === 0 && (!this.socket || this.socket.writableLength === 0); },
});
Object.defineProperty(OM, 'writableLength', {
  configurable: true, get() { return this.outputSize + (this.socket ? this.socket.writableLength : 0); },
});
Object.defineProperty(OM, 'writableHighWaterMark', {
  configurable: true, get() { return this.socket ? this.socket.writableHighWaterMark : stream.getDefaultHighWaterMark(); },
});
Object.defineProperty(OM, 'writableCorked', { configurable: true, get() { return this.socket ? this.socket.writableCorked : 0; } });
Object.defineProperty(OM, 'writableNeedDrain', { configurable: true, get() { return !this.destroyed && !this.finished && this[kNeedDrain]; } });
Object.defineProperty(OM, 'connection', {
  configurable: true, get() { return this.socket; }, set(v) { this.socket = v; },
});

// _storeHeader builds the head from firstLine and headers (the store, a
// plain object, or a flat [name, value, ...] array).
OM._storeHeader = function (firstLine, headers) {
  const state = { connection: false, contLen: false, te: false, date: false, trailer: false, header: firstLine };
  if (headers) {
    if (headers === this[kOutHeaders]) {
      for (const key in headers) processHeader(this, state, headers[key][0], headers[key][1], false);
    } else if (Array.isArray(headers)) {
      if (headers.length && Array.isArray(headers[0])) {
        for (const [k, v] of headers) processHeader(this, state, k, v, true);
      } else {
        if (headers.length % 2 !== 0) throw errors.invalidArgValue('headers', headers);
        for (let i = 0; i < headers.length; i += 2) processHeader(this, state, headers[i], headers[i + 1], true);
      }
    } else {
      for (const key of Object.keys(headers)) processHeader(this, state, key, headers[key], true);
    }
  }
  let header = state.header;
  if (this.sendDate && !state.date) header += `Date: ${utcDate()}\r\n`;
  if (this.chunkedEncoding && (this.statusCode === 204 || this.statusCode === 304)) {
    this._last = true;
    this._hasBody = false;
    this.chunkedEncoding = false;
  }
  if (this._removedConnection) {
    this._last = !this.shouldKeepAlive;
  } else if (!state.connection) {
    const keepAlive = this.shouldKeepAlive && (state.contLen || this.useChunkedEncodingByDefault || this.agent);
    if (keepAlive && this.maxRequestsOnConnectionReached) {
      header += 'Connection: close\r\n';
    } else if (keepAlive) {
      header += 'Connection: keep-alive\r\n';
      if (this._keepAliveTimeout && this._defaultKeepAlive) {
        header += `Keep-Alive: timeout=${Math.floor(this._keepAliveTimeout / 1000)}\r\n`;
      }
    } else {
      this._last = true;
      header += 'Connection: close\r\n';
    }
  }
  if (!state.contLen && !state.te) {
    if (!this._hasBody) {
      this.chunkedEncoding = false;
    } else if (!this.useChunkedEncodingByDefault) {
      this._last = true;
    } else if (!state.trailer && !this._removedContLen && typeof this._contentLength === 'number') {
      header += `Content-Length: ${this._contentLength}\r\n`;
    } else if (!this._removedTE) {
      header += 'Transfer-Encoding: chunked\r\n';
      this.chunkedEncoding = true;
    } else {
      this._last = true;
    }
  }
  this._header = header + '\r\n';
  this._headerSent = false;
};

function processHeader(self, state, key, value, validate) {
  if (validate) validateHeaderName(key);
  if (Array.isArray(value)) {
    if (value.length < 2 || !isCookieField(key)) {
      for (const v of value) storeHeader(self, state, key, v, validate);
      return;
    }
    value = value.join('; ');
  }
  storeHeader(self, state, key, value, validate);
}

function isCookieField(s) { return s.length === 6 && s.toLowerCase() === 'cookie'; }

function storeHeader(self, state, key, value, validate) {
  if (validate) validateHeaderValue(key, value);
  state.header += `${key}: ${value}\r\n`;
  const k = key.toLowerCase();
  if (k === 'connection') {
    state.connection = true;
    self._removedConnection = false;
    if (/(^|\W)close(\W|$)/i.test(value)) self._last = true;
    else self.shouldKeepAlive = true;
  } else if (k === 'transfer-encoding') {
    state.te = true;
    self._removedTE = false;
    if (/(^|\W)chunked(\W|$)/i.test(value)) self.chunkedEncoding = true;
  } else if (k === 'content-length') {
    state.contLen = true;
    self._contentLength = +value;
    self._removedContLen = false;
  } else if (k === 'date' || k === 'expect' || k === 'trailer') {
    state[k] = true;
  }
}

// _send writes data after the head (sent with the first write).
OM._send = function (data, encoding, callback) {
  if (!this._headerSent && this._header !== null) {
    const head = Buffer.from(this._header, 'latin1');
    const body = typeof data === 'string' ? Buffer.from(data, encoding || 'utf8') : data;
    data = body.length ? Buffer.concat([head, body]) : head;
    encoding = null;
    this._headerSent = true;
  }
  return this._writeRaw(data, encoding, callback);
};

OM._writeRaw = function (data, encoding, callback) {
  const conn = this.socket;
  if (conn && conn.destroyed) return false;
  if (typeof data === 'string') data = Buffer.from(data, encoding || 'utf8');
  if (conn && conn._httpMessage === this && conn.writable) {
    if (this.outputData.length) this._flushOutput(conn);
    return conn.write(data, callback);
  }
  this.outputData.push({ data, callback });
  this.outputSize += data.length;
  this._onPendingData(data.length);
  return this.outputSize < this.writableHighWaterMark;
};

OM._flushOutput = function (socket) {
  const out = this.outputData;
  this.outputData = [];
  this._onPendingData(-this.outputSize);
  this.outputSize = 0;
  let ret = true;
  for (const { data, callback } of out) ret = socket.write(data, callback);
  return ret;
};

OM._flush = function () {
  const socket = this.socket;
  if (socket && socket.writable) {
    const ret = this._flushOutput(socket);
    if (this.finished) this._finish();
    else if (ret && this[kNeedDrain]) { this[kNeedDrain] = false; this.emit('drain'); }
  }
};

OM._finish = function () { this.emit('prefinish'); };

function byteLen(chunk, encoding) {
  return typeof chunk === 'string' ? Buffer.byteLength(chunk, encoding) : chunk.length;
}

function validChunk(msg, chunk) {
  if (chunk === null) throw errors.makeNodeError(TypeError, 'ERR_STREAM_NULL_VALUES', 'May not write null values to stream');
  if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) {
    throw errors.invalidArgType('chunk', ['string', 'Buffer', 'Uint8Array'], chunk);
  }
}

function writeAfterEnd(msg, callback) {
  const err = errors.makeNodeError(Error, 'ERR_STREAM_WRITE_AFTER_END', 'write after end');
  process.nextTick(() => {
    msg.emit('error', err);
    if (typeof callback === 'function') callback(err);
  });
}

OM.write = function (chunk, encoding, callback) {
  if (typeof encoding === 'function') { callback = encoding; encoding = null; }
  const ret = writeChunk(this, chunk, encoding, callback, false);
  if (!ret) this[kNeedDrain] = true;
  return ret;
};

function writeChunk(msg, chunk, encoding, callback, fromEnd) {
  validChunk(msg, chunk);
  if (msg.finished) { writeAfterEnd(msg, callback); return true; }
  if (msg.destroyed) {
    const err = errors.makeNodeError(Error, 'ERR_STREAM_DESTROYED', 'Cannot call write after a stream was destroyed');
    if (typeof callback === 'function') process.nextTick(callback, err);
    return false;
  }
  const len = byteLen(chunk, encoding);
  if (!msg._header) {
    if (fromEnd) msg._contentLength = len;
    msg._implicitHeader();
  }
  if (!msg._hasBody) {
    if (typeof callback === 'function') process.nextTick(callback);
    return true;
  }
  if (msg.chunkedEncoding && len !== 0) {
    const data = typeof chunk === 'string' ? Buffer.from(chunk, encoding || 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    return msg._send(Buffer.concat([Buffer.from(len.toString(16) + '\r\n', 'latin1'), data, crlf]), null, callback);
  }
  if (len === 0 && msg._headerSent) {
    if (typeof callback === 'function') process.nextTick(callback);
    return true;
  }
  return msg._send(chunk, encoding, callback);
}

OM.end = function (chunk, encoding, callback) {
  if (typeof chunk === 'function') { callback = chunk; chunk = null; encoding = null; } else if (typeof encoding === 'function') { callback = encoding; encoding = null; }
  if (chunk) {
    if (this.finished) { writeAfterEnd(this, callback); return this; }
    writeChunk(this, chunk, encoding, null, true);
  } else if (this.finished) {
    if (typeof callback === 'function') {
      if (!this.writableFinished) this.on('finish', callback);
      else callback(errors.makeNodeError(Error, 'ERR_STREAM_ALREADY_FINISHED', 'Cannot call end after a stream was finished'));
    }
    return this;
  } else if (!this._header) {
    this._contentLength = 0;
    this._implicitHeader();
  }
  if (typeof callback === 'function') this.once('finish', callback);
  const finish = () => onFinish(this);
  if (this._hasBody && this.chunkedEncoding) {
    this._send('0\r\n' + this._trailer + '\r\n', 'latin1', finish);
  } else if (!this._headerSent || this.writableLength || chunk) {
    this._send(empty, null, finish);
  } else {
    process.nextTick(finish);
  }
  this.finished = true;
  if (this.outputData.length === 0 && this.socket && this.socket._httpMessage === this) this._finish();
  return this;
};

function onFinish(msg) {
  if (msg._finishEmitted) return;
  msg._finishEmitted = true;
  msg.emit('finish');
}

OM.addTrailers = function (headers) {
  this._trailer = '';
  for (const key of Object.keys(headers)) {
    validateHeaderName(key, 'Trailer name');
    validateHeaderValue(key, headers[key]);
    this._trailer += `${key}: ${headers[key]}\r\n`;
  }
};

OM.flushHeaders = function () {
  if (!this._header) this._implicitHeader();
  this._send(empty);
};

OM.setTimeout = function (msecs, callback) {
  if (callback) this.on('timeout', callback);
  if (!this.socket) this.once('socket', (s) => s.setTimeout(msecs));
  else this.socket.setTimeout(msecs);
  return this;
};

OM.destroy = function (error) {
  if (this.destroyed) return this;
  this.destroyed = true;
  if (this.socket) this.socket.destroy(error);
  else this.once('socket', (s) => s.destroy(error));
  return this;
};

OM.cork = function () { if (this.socket) this.socket.cork(); };
OM.uncork = function () { if (this.socket) this.socket.uncork(); };
