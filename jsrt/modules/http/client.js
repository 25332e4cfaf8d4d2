// client.js: Agent (socket pools per host:port, keep-alive reuse, a queue
// beyond maxSockets), ClientRequest, request and get, and the exports.
function Agent(options) {
  if (!(this instanceof Agent)) return new Agent(options);
  EE.call(this);
  this.defaultPort = 80;
  this.protocol = 'http:';
  this.options = { __proto__: null, ...options };
  if (this.options.noDelay === undefined) this.options.noDelay = true;
  this.options.path = null;
  this.requests = Object.create(null);
  this.sockets = Object.create(null);
  this.freeSockets = Object.create(null);
  this.keepAliveMsecs = this.options.keepAliveMsecs || 1000;
  this.keepAlive = this.options.keepAlive || false;
  this.maxSockets = this.options.maxSockets || Agent.defaultMaxSockets;
  this.maxFreeSockets = this.options.maxFreeSockets || 256;
  this.scheduling = this.options.scheduling || 'lifo';
  this.maxTotalSockets = this.options.maxTotalSockets || Infinity;
  this.totalSocketCount = 0;
  this.on('free', (socket, options) => agentOnFree(this, socket, options));
}
Object.setPrototypeOf(Agent.prototype, EE.prototype);
Object.setPrototypeOf(Agent, EE);
Agent.defaultMaxSockets = Infinity;

Agent.prototype.createConnection = net.createConnection;

Agent.prototype.getName = function (options = {}) {
  let name = options.host || 'localhost';
  name += ':';
  if (options.port) name += options.port;
  name += ':';
  if (options.localAddress) name += options.localAddress;
  if (options.family === 4 || options.family === 6) name += `:${options.family}`;
  return name;
};

function agentOnFree(agent, socket, options) {
  const name = agent.getName(options);
  if (!socket.writable) { socket.destroy(); return; }
  const requests = agent.requests[name];
  if (requests && requests.length) {
    const req = requests.shift();
    if (!requests.length) delete agent.requests[name];
    setRequestSocket(agent, req, socket);
    return;
  }
  const req = socket._httpMessage;
  if (!req || !req.shouldKeepAlive || !agent.keepAlive) { socket.destroy(); return; }
  const free = agent.freeSockets[name] || (agent.freeSockets[name] = []);
  if (free.length >= agent.maxFreeSockets) { socket.destroy(); return; }
  if (!agent.keepSocketAlive(socket)) { socket.destroy(); return; }
  removeFrom(agent.sockets, name, socket);
  free.push(socket);
  socket._httpMessage = null;
}

Agent.prototype.keepSocketAlive = function (socket) {
  socket.setKeepAlive(true, this.keepAliveMsecs);
  socket.unref();
  let agentTimeout = this.options.timeout || 0;
  const hint = socket._keepAliveHint;
  if (hint !== undefined && hint > 0) agentTimeout = agentTimeout ? Math.min(agentTimeout, hint) : hint;
  if (socket.timeout !== agentTimeout) socket.setTimeout(agentTimeout);
  return true;
};

Agent.prototype.reuseSocket = function (socket, req) {
  req.reusedSocket = true;
  socket.ref();
};

function removeFrom(pool, name, socket) {
  const list = pool[name];
  if (!list) return;
  const i = list.indexOf(socket);
  if (i !== -1) list.splice(i, 1);
  if (!list.length) delete pool[name];
}

Agent.prototype.addRequest = function (req, options) {
  options = { __proto__: null, ...options, ...this.options };
  if (!options.servername && options.servername !== '') options.servername = options.host;
  const name = this.getName(options);
  const free = this.freeSockets[name];
  let socket;
  while (free && free.length) {
    socket = this.scheduling === 'fifo' ? free.shift() : free.pop();
    if (!free.length) delete this.freeSockets[name];
    if (!socket.destroyed) break;
    socket = null;
  }
  if (socket) {
    this.reuseSocket(socket, req);
    setRequestSocket(this, req, socket);
    (this.sockets[name] || (this.sockets[name] = [])).push(socket);
    return;
  }
  const count = (this.sockets[name] || []).length;
  if (count < this.maxSockets && this.totalSocketCount < this.maxTotalSockets) {
    this.createSocket(req, options, (err, s) => {
      if (err) req.onSocket(s, err);
      else setRequestSocket(this, req, s);
    });
    return;
  }
  (this.requests[name] || (this.requests[name] = [])).push(req);
};

Agent.prototype.createSocket = function (req, options, cb) {
  options = { __proto__: null, ...options, ...this.options };
  const name = this.getName(options);
  options._agentKey = name;
  const s = this.createConnection(options);
  this.totalSocketCount++;
  (this.sockets[name] || (this.sockets[name] = [])).push(s);
  installListeners(this, s, options);
  cb(null, s);
};

function installListeners(agent, s, options) {
  const name = agent.getName(options);
  const onFree = () => agent.emit('free', s, options);
  const onClose = () => {
    agent.totalSocketCount--;
    removeFrom(agent.sockets, name, s);
    removeFrom(agent.freeSockets, name, s);
    const requests = agent.requests[name];
    if (requests && requests.length) {
      const req = requests.shift();
      if (!requests.length) delete agent.requests[name];
      agent.createSocket(req, options, (err, sock) => setRequestSocket(agent, req, sock));
    }
  };
  const onTimeout = () => {
    const free = agent.freeSockets[name];
    if (free && free.includes(s)) s.destroy();
  };
  const onRemove = () => {
    removeFrom(agent.sockets, name, s);
    removeFrom(agent.freeSockets, name, s);
  };
  s.on('free', onFree);
  s.on('close', onClose);
  s.on('timeout', onTimeout);
  s.on('agentRemove', onRemove);
}

function setRequestSocket(agent, req, socket) {
  req.onSocket(socket);
  const agentTimeout = agent.options.timeout || 0;
  if (req.timeout === undefined || req.timeout === agentTimeout) return;
  socket.setTimeout(req.timeout);
}

Agent.prototype.destroy = function () {
  for (const pool of [this.freeSockets, this.sockets]) {
    for (const name of Object.keys(pool)) for (const s of pool[name].slice()) s.destroy();
  }
};

const globalAgent = new Agent({ keepAlive: true, scheduling: 'lifo', timeout: 5000 });

// --- ClientRequest ---
function ClientRequest(input, options, cb) {
  OutgoingMessage.call(this);
  if (typeof input === 'string') {
    input = urlToHttpOptions(new (require('url').URL)(input));
  } else if (input && typeof input === 'object' && input.href !== undefined && typeof input.searchParams === 'object') {
    input = urlToHttpOptions(input);
  } else {
    cb = options;
    options = input;
    input = null;
  }
  if (typeof options === 'function') { cb = options; options = input || {}; } else { options = Object.assign(input || {}, options); }
  let agent = options.agent;
  const defaultAgent = options._defaultAgent || globalAgent;
  if (agent === false) {
    agent = new defaultAgent.constructor();
  } else if (agent === null || agent === undefined) {
    if (typeof options.createConnection !== 'function') agent = defaultAgent;
    options.agent = agent;
  } else if (typeof agent.addRequest !== 'function') {
    throw errors.invalidArgType('options.agent', ['Agent-like Object', 'undefined', 'false'], agent);
  }
  this.agent = agent;
  const protocol = options.protocol || defaultAgent.protocol;
  let expectedProtocol = defaultAgent.protocol;
  if (this.agent && this.agent.protocol) expectedProtocol = this.agent.protocol;
  if (options.path) {
    const path = String(options.path);
    if (/[\u0000-\u0020]/.test(path)) {
      throw errors.makeNodeError(TypeError, 'ERR_UNESCAPED_CHARACTERS', 'Request path contains unescaped characters');
    }
  }
  if (protocol !== expectedProtocol) {
    throw errors.makeNodeError(TypeError, 'ERR_INVALID_PROTOCOL', `Protocol "${protocol}" not supported. Expected "${expectedProtocol}"`);
  }
  const defaultPort = options.defaultPort || (this.agent && this.agent.defaultPort) || 80;
  const port = options.port = options.port || defaultPort || 80;
  const host = options.host = validateHost(options.hostname, 'hostname') || validateHost(options.host, 'host') || 'localhost';
  const setHost = options.setHost === undefined || Boolean(options.setHost);
  this.socketPath = options.socketPath;
  if (options.timeout !== undefined) this.timeout = getTimerDuration(options.timeout, 'timeout');
  const method = options.method;
  const methodIsString = typeof method === 'string';
  if (method !== null && method !== undefined && !methodIsString) throw errors.invalidArgType('options.method', 'string', method);
  if (methodIsString && method) {
    if (!checkIsHttpToken(method)) throw errors.makeNodeError(TypeError, 'ERR_INVALID_HTTP_TOKEN', `Method must be a valid HTTP token ["${method}"]`);
    this.method = method.toUpperCase();
  } else {
    this.method = 'GET';
  }
  this.path = options.path || '/';
  if (cb) this.once('response', cb);
  if (this.method === 'GET' || this.method === 'HEAD' || this.method === 'DELETE' || this.method === 'OPTIONS' ||
      this.method === 'TRACE' || this.method === 'CONNECT') {
    this.useChunkedEncodingByDefault = false;
  } else {
    this.useChunkedEncodingByDefault = true;
  }
  this._ended = false;
  this.res = null;
  this.aborted = false;
  this.timeoutCb = null;
  this.upgradeOrConnect = false;
  this.parser = null;
  this.maxHeadersCount = null;
  this.reusedSocket = false;
  this.host = host;
  this.protocol = protocol;
  if (this.agent) {
    if (!this.agent.keepAlive && !Number.isFinite(this.agent.maxSockets)) {
      this._last = true;
      this.shouldKeepAlive = false;
    } else {
      this._last = false;
      this.shouldKeepAlive = true;
    }
  }
  const headersArray = Array.isArray(options.headers);
  if (!headersArray) {
    if (options.headers) {
      for (const key of Object.keys(options.headers)) this.setHeader(key, options.headers[key]);
    }
    if (host && !this.getHeader('host') && setHost) {
      let hostHeader = host;
      const posColon = hostHeader.indexOf(':');
      if (posColon !== -1 && hostHeader.includes(':', posColon + 1) && hostHeader.charCodeAt(0) !== 91) hostHeader = `[${hostHeader}]`;
      if (port && +port !== defaultPort) hostHeader += ':' + port;
      this.setHeader('Host', hostHeader);
    }
    if (options.auth && !this.getHeader('Authorization')) {
      this.setHeader('Authorization', 'Basic ' + Buffer.from(options.auth).toString('base64'));
    }
    if (this.getHeader('expect')) {
      if (this._header) throw headersSentError('render');
      this._storeHeader(this.method + ' ' + this.path + ' HTTP/1.1\r\n', this[kOutHeaders]);
    }
  } else {
    this._storeHeader(this.method + ' ' + this.path + ' HTTP/1.1\r\n', options.headers);
  }
  const signal = options.signal;
  if (signal) {
    const onAbort = () => this.destroy(abortError(signal));
    if (signal.aborted) process.nextTick(onAbort);
    else {
      signal.addEventListener('abort', onAbort, { once: true });
      this.once('close', () => signal.removeEventListener('abort', onAbort));
    }
  }
  const optsWithoutSignal = { __proto__: null, ...options };
  delete optsWithoutSignal.signal;
  if (this.agent) {
    this.agent.addRequest(this, optsWithoutSignal);
  } else {
    this._last = true;
    this.shouldKeepAlive = false;
    const opts = { ...optsWithoutSignal };
    const s = typeof options.createConnection === 'function' ? options.createConnection(opts) : net.createConnection(opts);
    this.onSocket(s);
  }
}
Object.setPrototypeOf(ClientRequest.prototype, OutgoingMessage.prototype);
Object.setPrototypeOf(ClientRequest, OutgoingMessage);

function abortError(signal) {
  const err = new Error('The operation was aborted');
  err.name = 'AbortError';
  err.code = 'ABORT_ERR';
  err.cause = signal.reason;
  return err;
}

function validateHost(host, name) {
  if (host !== null && host !== undefined && typeof host !== 'string') {
    throw errors.invalidArgType(`options.${name}`, ['string', 'undefined', 'null'], host);
  }
  return host;
}

function getTimerDuration(msecs, name) {
  errors.validateNumber(msecs, name);
  if (msecs < 0 || !Number.isFinite(msecs)) throw errors.outOfRange(name, 'a non-negative finite number', msecs);
  return msecs;
}

function urlToHttpOptions(url) {
  const options = {
    protocol: url.protocol,
    hostname: typeof url.hostname === 'string' && url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
    hash: url.hash,
    search: url.search,
    pathname: url.pathname,
    path: `${url.pathname || ''}${url.search || ''}`,
    href: url.href,
  };
  if (url.port !== '') options.port = Number(url.port);
  if (url.username || url.password) options.auth = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  return options;
}

const CR = ClientRequest.prototype;

Object.defineProperty(CR, 'path', { configurable: true, enumerable: true, writable: true, value: undefined });

CR._implicitHeader = function () {
  if (this._header) throw headersSentError('render');
  this._storeHeader(this.method + ' ' + this.path + ' HTTP/1.1\r\n', this[kOutHeaders]);
};

CR.abort = function () {
  if (this.aborted) return;
  this.aborted = true;
  process.nextTick(() => this.emit('abort'));
  this.destroy();
};

CR.destroy = function (err) {
  if (this.destroyed) return this;
  this.destroyed = true;
  if (this.res) this.res._dump();
  this[kErrorPending] = err;
  if (this.socket) this.socket.destroy(err);
  else process.nextTick(() => onDestroyedWithoutSocket(this, err));
  return this;
};
const kErrorPending = Symbol('kErrorPending');

function onDestroyedWithoutSocket(req, err) {
  if (req._closed) return;
  if (!req.res) {
    if (!err && !req.aborted) err = connResetException('socket hang up');
    if (err && !req._hadError) { req._hadError = true; req.emit('error', err); }
  }
  req._closed = true;
  req.emit('close');
}

CR.onSocket = function (socket, err) {
  process.nextTick(() => onSocketNT(this, socket, err));
};

function onSocketNT(req, socket, err) {
  if (req.destroyed || err) {
    req.destroyed = true;
    if (!err && req.agent && socket && !socket.destroyed) {
      socket.emit('free');
    } else if (socket) {
      socket.destroy(err || req[kErrorPending]);
      req.socket = socket;
      tickOnSocket(req, socket);
      return;
    }
    onDestroyedWithoutSocket(req, err || req[kErrorPending]);
    return;
  }
  tickOnSocket(req, socket);
  req._flush();
  // With Expect, the head goes out at once: the body waits for 100.
  if (req._header && !req._headerSent && req.getHeader('expect')) req._send(empty);
}

function tickOnSocket(req, socket) {
  const parser = new HTTPParser(false);
  req.socket = socket;
  socket._httpMessage = req;
  socket.parser = parser;
  req.parser = parser;
  const st = { res: null };
  parser.onHeaders = (info) => parserOnHeaders(req, socket, st, info);
  parser.onBody = (buf) => { if (st.res) pushBody(st.res, socket, buf); };
  parser.onComplete = () => parserOnComplete(req, socket, st);
  const onData = (d) => {
    const err = parser.execute(d);
    if (st.upgrade && parser.upgraded) {
      upgradeSocket(req, socket, st.res, parser.upgradeHead || Buffer.alloc(0), cleanup);
      return;
    }
    if (err) {
      cleanup();
      socket.destroy();
      req.socket._hadError = true;
      if (!req._hadError) { req._hadError = true; req.emit('error', err); }
    }
  };
  const onEnd = () => {
    const err = parser.finish();
    if (!req.res && !socket._hadError) {
      socket._hadError = true;
      if (!req._hadError) { req._hadError = true; req.emit('error', connResetException('socket hang up')); }
    } else if (err && st.res) {
      st.res.destroy(connResetException('aborted'));
    }
    socket.destroy();
  };
  const onError = (err) => {
    if (req.socket !== socket) return;
    if (!req._hadError) { req._hadError = true; req.emit('error', err); }
    socket._hadError = true;
  };
  const onClose = () => {
    if (req.socket !== socket) return;
    const res = req.res;
    req.destroyed = true;
    if (res) {
      if (!res.complete) res.destroy(connResetException('aborted'));
      req._closed = true;
      req.emit('close');
      if (!res.aborted && res.readable) {
        res.on('end', () => { res.destroyed = true; res.emit('close'); });
        res.push(null);
      } else if (!res.destroyed) {
        res.destroy();
      }
    } else {
      if (!socket._hadError) {
        socket._hadError = true;
        const err = req[kErrorPending] || (req.aborted ? null : connResetException('socket hang up'));
        if (err && !req._hadError) { req._hadError = true; req.emit('error', err); }
      }
      req._closed = true;
      req.emit('close');
    }
    cleanup();
  };
  const onTimeout = () => {
    if (req.timeoutCb === null && !req.listenerCount('timeout')) return;
    req.emit('timeout');
  };
  const onDrain = () => {
    if (socket._httpMessage === req && req[kNeedDrain]) { req[kNeedDrain] = false; req.emit('drain'); }
  };
  function cleanup() {
    socket.removeListener('data', onData);
    socket.removeListener('end', onEnd);
    socket.removeListener('error', onError);
    socket.removeListener('close', onClose);
    socket.removeListener('timeout', onTimeout);
    socket.removeListener('drain', onDrain);
    socket.parser = null;
  }
  req._cleanupSocket = cleanup;
  socket.on('data', onData);
  socket.on('end', onEnd);
  socket.on('error', onError);
  socket.on('close', onClose);
  socket.on('timeout', onTimeout);
  socket.on('drain', onDrain);
  if (req.timeout !== undefined || (req.agent && req.agent.options && req.agent.options.timeout)) {
    listenSocketTimeout(req);
  }
  req.emit('socket', socket);
}

// upgradeSocket hands the socket of a 101 response to the request's
// 'upgrade' listeners (node's socketOnData), or destroys it if none.
function upgradeSocket(req, socket, res, head, cleanup) {
  cleanup();
  if (req.listenerCount('upgrade') === 0) {
    socket.destroy();
    return;
  }
  req.upgradeOrConnect = true;
  socket.emit('agentRemove');
  socket._httpMessage = null;
  req.emit('upgrade', res, socket, head);
  req.destroyed = true;
  req._closed = true;
  req.emit('close');
}

function listenSocketTimeout(req) {
  if (req.timeoutCb) return;
  req.timeoutCb = () => req.emit('timeout');
}

function parserOnHeaders(req, socket, st, info) {
  if (info.statusCode >= 100 && info.statusCode < 200 && info.statusCode !== 101) {
    if (info.statusCode === 100) req.emit('continue');
    req.emit('information', { statusCode: info.statusCode, statusMessage: info.statusMessage,
      httpVersion: `${info.versionMajor}.${info.versionMinor}`, httpVersionMajor: info.versionMajor,
      httpVersionMinor: info.versionMinor, headers: {}, rawHeaders: info.rawHeaders });
    return false;
  }
  const res = new IncomingMessage(socket);
  fillIncoming(res, info);
  res.req = req;
  st.res = res;
  req.res = res;
  // 101 Switching Protocols: the socket goes to 'upgrade' once the chunk
  // is parsed (onData), with the bytes after the head.
  if (info.upgrade) { st.upgrade = true; return 'upgrade'; }
  if (req.shouldKeepAlive && !info.shouldKeepAlive) {
    req.shouldKeepAlive = false;
  }
  const ka = res.headers['keep-alive'];
  if (ka) {
    const m = /timeout=(\d+)/.exec(ka);
    if (m) socket._keepAliveHint = Number(m[1]) * 1000 - 1000;
  }
  if (req.aborted || !req.emit('response', res)) res._dump();
  return req.method === 'HEAD';
}

function parserOnComplete(req, socket, st) {
  const res = st.res;
  if (!res) return;
  st.res = null;
  res.complete = true;
  res.push(null);
  if (req.shouldKeepAlive && req.agent) {
    if (req.finished || req.writableEnded) responseKeepAlive(req, socket);
    else req.once('finish', () => responseKeepAlive(req, socket));
  } else {
    req._cleanupSocket();
    socket.parser = null;
    if (socket.writable) socket.destroySoon();
    socket.once('close', () => {
      if (!req._closed) { req._closed = true; req.destroyed = true; req.emit('close'); }
    });
    // The response has its data: it ends when read, then closes.
    res.once('end', () => process.nextTick(() => { if (!res.destroyed) { res.destroyed = true; res.emit('close'); } }));
  }
}

function responseKeepAlive(req, socket) {
  req._cleanupSocket();
  req.destroyed = true;
  const res = req.res;
  const emitClose = () => {
    req._closed = true;
    req.emit('close');
    if (!res.destroyed) { res.destroyed = true; res.emit('close'); }
  };
  if (res.readableEnded) process.nextTick(emitClose);
  else res.once('end', () => process.nextTick(emitClose));
  socket.emit('free');
}

function request(url, options, cb) { return new ClientRequest(url, options, cb); }

function get(url, options, cb) {
  const req = request(url, options, cb);
  req.end();
  return req;
}

module.exports = {
  METHODS: METHODS.slice().sort(),
  STATUS_CODES,
  Agent,
  ClientRequest,
  IncomingMessage,
  OutgoingMessage,
  Server,
  ServerResponse,
  createServer,
  validateHeaderName,
  validateHeaderValue,
  get,
  request,
  setMaxIdleHTTPParsers(max) { errors.validateInteger(max, 'max', 1); },
  maxHeaderSize: kMaxHeaderSize,
  globalAgent,
};

// https (https.js) builds on these.
Object.defineProperty(module.exports, Symbol.for('ebbnode.http.internal'), {
  value: { urlToHttpOptions, initServer }, enumerable: false,
});
