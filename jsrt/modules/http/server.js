// server.js: Server (a net.Server whose connections run the parser),
// ServerResponse, and the default answers to bad input: 400 (431, 408)
// and close, as node's socketOnError writes them.
const kConnections = Symbol('kConnections');
const kConnState = Symbol('kConnState');

function ServerResponse(req) {
  OutgoingMessage.call(this);
  if (req.method === 'HEAD') this._hasBody = false;
  this.req = req;
  this.sendDate = true;
  this._sent100 = false;
  this._expect_continue = false;
  this.statusCode = 200;
  this.statusMessage = undefined;
  if (req.httpVersionMajor < 1 || req.httpVersionMinor < 1) {
    this.useChunkedEncodingByDefault = /(?:^|\W)chunked(?:$|\W)/i.test(req.headers.te || '');
    this.shouldKeepAlive = false;
  }
}
Object.setPrototypeOf(ServerResponse.prototype, OutgoingMessage.prototype);
Object.setPrototypeOf(ServerResponse, OutgoingMessage);

const SR = ServerResponse.prototype;

SR.assignSocket = function (socket) {
  socket._httpMessage = this;
  this.socket = socket;
  this.emit('socket', socket);
  this._flush();
};

SR.detachSocket = function (socket) {
  if (socket._httpMessage === this) socket._httpMessage = null;
  this.socket = null;
};

SR._finish = function () { OutgoingMessage.prototype._finish.call(this); };

SR._implicitHeader = function () { this.writeHead(this.statusCode); };

SR.writeContinue = function (cb) {
  this._writeRaw('HTTP/1.1 100 Continue\r\n\r\n', 'ascii', cb);
  this._sent100 = true;
};

SR.writeHead = function (statusCode, reason, obj) {
  if (this._header) throw headersSentError('write');
  const original = statusCode;
  statusCode |= 0;
  if (statusCode < 100 || statusCode > 999) {
    throw errors.makeNodeError(RangeError, 'ERR_HTTP_INVALID_STATUS_CODE', `Invalid status code: ${original}`);
  }
  if (typeof reason === 'string') {
    this.statusMessage = reason;
  } else {
    if (!this.statusMessage) this.statusMessage = STATUS_CODES[statusCode] || 'unknown';
    obj = reason;
  }
  this.statusCode = statusCode;
  let headers;
  if (this[kOutHeaders]) {
    if (obj) {
      if (Array.isArray(obj)) {
        for (let i = 0; i < obj.length; i += 2) this.appendHeader(obj[i], obj[i + 1]);
      } else {
        for (const k of Object.keys(obj)) if (k) this.setHeader(k, obj[k]);
      }
    }
    headers = this[kOutHeaders];
  } else {
    headers = obj;
  }
  if (/[^\t\x20-\x7e\x80-\xff]/.test(this.statusMessage)) {
    throw errors.makeNodeError(TypeError, 'ERR_INVALID_CHAR', 'Invalid character in statusMessage');
  }
  const statusLine = `HTTP/1.1 ${statusCode} ${this.statusMessage}\r\n`;
  if (statusCode === 204 || statusCode === 304 || (statusCode >= 100 && statusCode <= 199)) this._hasBody = false;
  if (this._expect_continue && !this._sent100) this.shouldKeepAlive = false;
  this._storeHeader(statusLine, headers);
  return this;
};
SR.writeHeader = SR.writeHead;

// --- Server ---
function Server(options, requestListener) {
  if (!(this instanceof Server)) return new Server(options, requestListener);
  initServer(this, options, requestListener);
}

// initServer is the constructor's body, shared with https.Server (which
// is a net.Server, not an http.Server, as in node).
function initServer(self, options, requestListener) {
  if (typeof options === 'function') {
    requestListener = options;
    options = {};
  } else if (options == null) {
    options = {};
  } else if (typeof options !== 'object') {
    throw errors.invalidArgType('options', 'object', options);
  }
  net.Server.call(self, { allowHalfOpen: true, noDelay: options.noDelay === undefined ? true : options.noDelay,
    keepAlive: options.keepAlive, keepAliveInitialDelay: options.keepAliveInitialDelay });
  if (requestListener) self.on('request', requestListener);
  self.httpAllowHalfOpen = false;
  self.on('connection', connectionListener);
  self.timeout = 0;
  self.maxHeadersCount = null;
  self.maxRequestsPerSocket = 0;
  self.headersTimeout = options.headersTimeout === undefined ? 60000 : options.headersTimeout;
  self.requestTimeout = options.requestTimeout === undefined ? 300000 : options.requestTimeout;
  self.keepAliveTimeout = options.keepAliveTimeout === undefined ? 5000 : options.keepAliveTimeout;
  self.requireHostHeader = options.requireHostHeader !== false;
  self.joinDuplicateHeaders = options.joinDuplicateHeaders;
  self[kConnections] = new Set();
}
Object.setPrototypeOf(Server.prototype, net.Server.prototype);
Object.setPrototypeOf(Server, net.Server);

Server.prototype.setTimeout = function (msecs, callback) {
  this.timeout = msecs;
  if (callback) this.on('timeout', callback);
  return this;
};

// close stops listening and, as node 20 does, closes the connections that
// have no request in flight.
Server.prototype.close = function (cb) {
  this.closeIdleConnections();
  return net.Server.prototype.close.call(this, cb);
};

Server.prototype.closeAllConnections = function () {
  for (const c of this[kConnections]) c.socket.destroy();
};

Server.prototype.closeIdleConnections = function () {
  for (const c of this[kConnections]) {
    if (c.incoming.length === 0 && !c.parsing) c.socket.destroy();
  }
};

function connectionListener(socket) {
  const server = this;
  const parser = new HTTPParser(true);
  const conn = { socket, server, parser, incoming: [], outgoing: [], parsing: null, headTimer: null, keepAliveSet: false, requests: 0 };
  socket[kConnState] = conn;
  server[kConnections].add(conn);
  if (server.timeout) socket.setTimeout(server.timeout);
  socket.on('timeout', () => socketOnTimeout(conn));
  parser.onHeaders = (info) => onIncoming(conn, info);
  parser.onBody = (buf) => { if (conn.parsing) pushBody(conn.parsing, socket, buf); };
  parser.onComplete = () => {
    const req = conn.parsing;
    conn.parsing = null;
    if (!req) return;
    req.complete = true;
    req.push(null);
  };
  socket.on('data', (d) => socketOnData(conn, d));
  socket.on('end', () => socketOnEnd(conn));
  socket.on('error', function onError(e) { socketOnError(conn, e); });
  socket.on('close', () => socketOnClose(conn));
  socket.on('drain', () => {
    const msg = socket._httpMessage;
    if (msg && msg[kNeedDrain]) { msg[kNeedDrain] = false; msg.emit('drain'); }
  });
  socket._paused = false;
}

function startHeadTimer(conn) {
  const { server } = conn;
  if (conn.headTimer || !server.headersTimeout) return;
  conn.headTimer = setTimeout(() => {
    conn.headTimer = null;
    socketOnError(conn, httpError('ERR_HTTP_REQUEST_TIMEOUT', 'Request timeout'));
  }, server.headersTimeout);
  conn.headTimer.unref();
}

function socketOnData(conn, d) {
  const { socket, server } = conn;
  if (conn.keepAliveSet) {
    conn.keepAliveSet = false;
    socket.setTimeout(server.timeout || 0);
  }
  if (!conn.parsing) startHeadTimer(conn);
  const err = conn.parser.execute(d);
  if (conn.upgrade) {
    const { event, req } = conn.upgrade;
    conn.upgrade = null;
    server.emit(event, req, socket, conn.parser.upgradeHead || Buffer.alloc(0));
    return;
  }
  if (conn.parsing === null && conn.parser.state === 'head' && !conn.parser.pending && conn.headTimer) {
    clearTimeout(conn.headTimer);
    conn.headTimer = null;
  }
  if (err) socketOnError(conn, err);
}

function socketOnEnd(conn) {
  const { socket, server } = conn;
  const err = conn.parser.finish();
  if (err) { socketOnError(conn, err); return; }
  if (!server.httpAllowHalfOpen) {
    abortIncoming(conn);
    if (socket.writable) socket.end();
  } else if (conn.outgoing.length) {
    conn.outgoing[conn.outgoing.length - 1]._last = true;
  } else if (socket._httpMessage) {
    socket._httpMessage._last = true;
  } else if (socket.writable) {
    socket.end();
  }
}

// abortIncoming destroys the requests still in flight on conn.
function abortIncoming(conn) {
  const reqs = conn.incoming;
  conn.incoming = [];
  for (const req of reqs) req.destroy(connResetException('aborted'));
}

function socketOnClose(conn) {
  const { socket, server } = conn;
  if (conn.headTimer) clearTimeout(conn.headTimer);
  server[kConnections].delete(conn);
  abortIncoming(conn);
  const msg = socket._httpMessage;
  if (msg && !msg.finished) { msg.destroyed = true; msg._closed = true; msg.emit('close'); }
  conn.incoming = [];
}

function socketOnTimeout(conn) {
  const { socket, server } = conn;
  const req = socket.parser && socket.parser.incoming;
  let handled = req && req.emit('timeout', socket);
  const res = socket._httpMessage;
  handled = (res && res.emit('timeout', socket)) || handled;
  handled = server.emit('timeout', socket) || handled;
  if (!handled) socket.destroy();
}

const badRequestResponse = `HTTP/1.1 400 ${STATUS_CODES[400]}\r\nConnection: close\r\n\r\n`;
const headersTooLarge = `HTTP/1.1 431 ${STATUS_CODES[431]}\r\nConnection: close\r\n\r\n`;
const requestTimeoutResponse = `HTTP/1.1 408 ${STATUS_CODES[408]}\r\nConnection: close\r\n\r\n`;

function socketOnError(conn, e) {
  const { socket, server } = conn;
  if (conn.errored) return;
  conn.errored = true;
  socket.on('error', nop);
  if (!server.emit('clientError', e, socket)) {
    if (socket.writable && socket.bytesWritten === 0) {
      const response = e.code === 'HPE_HEADER_OVERFLOW' ? headersTooLarge
        : e.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? requestTimeoutResponse : badRequestResponse;
      socket.write(response);
    }
    socket.destroy(e);
  }
}

function onIncoming(conn, info) {
  const { socket, server } = conn;
  if (conn.headTimer) { clearTimeout(conn.headTimer); conn.headTimer = null; }
  const req = new IncomingMessage(socket);
  fillIncoming(req, info);
  conn.requests++;
  if (info.upgrade) {
    const event = req.method === 'CONNECT' ? 'connect' : 'upgrade';
    if (server.listenerCount(event) > 0) {
      socket.removeAllListeners('data');
      socket.removeAllListeners('end');
      socket._httpUpgraded = true;
      // socketOnData emits it once the chunk is parsed, with the bytes
      // after the head.
      conn.upgrade = { event, req };
      return true;
    }
    if (event === 'connect') { socket.destroy(); return true; }
    req.upgrade = false;
    conn.parser.upgraded = false;
  }
  conn.incoming.push(req);
  conn.parsing = req;
  const res = new ServerResponse(req);
  res.shouldKeepAlive = info.shouldKeepAlive && res.shouldKeepAlive;
  res._keepAliveTimeout = server.keepAliveTimeout;
  if (server.maxRequestsPerSocket > 0 && conn.requests >= server.maxRequestsPerSocket) {
    res.maxRequestsOnConnectionReached = true;
  }
  if (socket._httpMessage) conn.outgoing.push(res);
  else res.assignSocket(socket);
  res.on('finish', () => resOnFinish(conn, req, res));
  if (req.httpVersionMajor === 1 && req.httpVersionMinor === 1 && server.requireHostHeader && req.headers.host === undefined) {
    res.writeHead(400, ['Connection', 'close']);
    res.end();
    return false;
  }
  const expect = req.headers.expect;
  if (expect && req.httpVersionMajor === 1 && req.httpVersionMinor === 1) {
    if (/(?:^|\W)100-continue(?:$|\W)/i.test(expect)) {
      res._expect_continue = true;
      if (server.listenerCount('checkContinue') > 0) server.emit('checkContinue', req, res);
      else { res.writeContinue(); server.emit('request', req, res); }
    } else if (server.listenerCount('checkExpectation') > 0) {
      server.emit('checkExpectation', req, res);
    } else {
      res.writeHead(417);
      res.end();
    }
    return false;
  }
  server.emit('request', req, res);
  return false;
}

function resOnFinish(conn, req, res) {
  const { socket, server } = conn;
  if (!req._consuming && !req._readableState.resumeScheduled) req._dump();
  res.detachSocket(socket);
  const i = conn.incoming.indexOf(req);
  if (i !== -1) conn.incoming.splice(i, 1);
  const closeReq = () => process.nextTick(() => { if (!req.destroyed) req.destroy(); });
  if (req.readableEnded) closeReq();
  else req.once('end', closeReq);
  process.nextTick(() => { res._closed = true; res.emit('close'); });
  if (res._last) {
    if (typeof socket.destroySoon === 'function') socket.destroySoon();
    else socket.end();
  } else if (conn.outgoing.length === 0) {
    if (server.keepAliveTimeout && typeof socket.setTimeout === 'function') {
      socket.setTimeout(server.keepAliveTimeout);
      conn.keepAliveSet = true;
    }
  } else {
    conn.outgoing.shift().assignSocket(socket);
  }
  if (!server.listening && conn.incoming.length === 0 && !conn.parsing && !socket.destroyed) socket.destroy();
}

function createServer(options, requestListener) { return new Server(options, requestListener); }
