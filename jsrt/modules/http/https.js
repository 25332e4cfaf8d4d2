// https.js: node's https module on the http module and the TLS binding
// (Go crypto/tls under net handles): Server (an http.Server whose
// listener is a TLS one), Agent (http.Agent whose sockets are TLS client
// connections), request and get. Certificates are PEM strings or Buffers,
// as scripts read them from files.
const http = require('http');
const net = require('net');
const { Buffer } = require('buffer');
const { URL } = require('url');
const errors = require('internal/errors');
const binding = internal;
const priv = http[Symbol.for('ebbnode.http.internal')];

function pem(v) {
  if (v === undefined || v === null) return undefined;
  if (Array.isArray(v)) return v.map(pem).join('\n');
  return v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : String(v);
}

function errnoException(info, syscall, address, port) {
  const details = port ? `${address}:${port}` : address;
  const err = new Error(`${syscall} ${info.code}${details ? ` ${details}` : ''}`);
  err.errno = info.errno;
  err.code = info.code;
  err.syscall = syscall;
  if (address) err.address = address;
  if (port) err.port = port;
  return err;
}

// --- Server ---
function Server(opts, requestListener) {
  if (!(this instanceof Server)) return new Server(opts, requestListener);
  if (typeof opts === 'function') { requestListener = opts; opts = {}; }
  opts = { ...opts };
  priv.initServer(this, opts, requestListener);
  this._tlsOptions = { key: pem(opts.key), cert: pem(opts.cert) };
}
Object.setPrototypeOf(Server.prototype, net.Server.prototype);
Object.setPrototypeOf(Server, net.Server);
for (const name of ['setTimeout', 'close', 'closeAllConnections', 'closeIdleConnections']) {
  Server.prototype[name] = http.Server.prototype[name];
}

Server.prototype.listen = function (...args) {
  const cb = typeof args[args.length - 1] === 'function' ? args.pop() : null;
  let options = {};
  if (typeof args[0] === 'object' && args[0] !== null) options = args[0];
  else { options.port = args[0]; if (typeof args[1] === 'string') options.host = args[1]; }
  if (cb) this.once('listening', cb);
  if (this._handle) throw errors.makeNodeError(Error, 'ERR_SERVER_ALREADY_LISTEN', 'Listen method has been called more than once without closing.');
  if (!this._tlsOptions.key || !this._tlsOptions.cert) {
    throw errors.makeNodeError(Error, 'ERR_TLS_MISSING_CERT', 'ebbnode: an https server needs key and cert options');
  }
  const host = options.host || '';
  const port = options.port === undefined || options.port === null ? 0 : Number(options.port);
  const go = () => {
    if (this._handle) return;
    const res = binding.listenTLS(host, port, this._tlsOptions,
      (handle) => onconnection(this, handle),
      (info) => this.emit('error', errnoException(info, 'accept')),
      this._onClientError);
    if (res.error) {
      const err = new Error(`listen ${res.error.code}: ${res.error.message} ${host || '::'}:${port}`);
      Object.assign(err, { code: res.error.code, errno: res.error.errno, syscall: 'listen', address: host || '::', port });
      process.nextTick(() => this.emit('error', err));
      return;
    }
    this._handle = res.handle;
    if (this._unref) this._handle.unref();
    process.nextTick(() => { if (this._handle) this.emit('listening'); });
  };
  if (host) process.nextTick(go);
  else go();
  return this;
};

function onconnection(self, handle) {
  const socket = new net.Socket({ handle, allowHalfOpen: self.allowHalfOpen, readable: true, writable: true });
  socket.setNoDelay(self.noDelay);
  socket.encrypted = true;
  self._connections++;
  socket.server = self;
  socket._server = self;
  // A tls.Server hands over sockets after the handshake (the Go side's
  // 'connection' was the TCP one); an https.Server before it.
  if (!self._onClientError) self.emit('connection', socket);
  else socket.authorized = false;
  self.emit('secureConnection', socket);
}

function createServer(opts, requestListener) { return new Server(opts, requestListener); }

// --- client ---
// tlsConnect is tls.connect for the agent: a net.Socket that is
// "connecting" until the Go side has dialled and finished the handshake.
function tlsConnect(options) {
  const host = options.host || 'localhost';
  const port = Number(options.port);
  const socket = new net.Socket({});
  socket.connecting = true;
  socket._host = host;
  const pending = { pending: true, reading: false, close: (fn) => setImmediate(fn) };
  socket._handle = pending;
  const tlsOpts = {
    ca: options.ca === undefined ? [] : [].concat(options.ca).map(pem),
    rejectUnauthorized: options.rejectUnauthorized !== false,
    servername: options.servername && !net.isIP(options.servername) ? options.servername : '',
  };
  binding.connectTLS(host, port, tlsOpts, (info, handle) => {
    if (socket._handle !== pending) {
      if (handle) handle.close(() => {});
      return;
    }
    socket.connecting = false;
    if (info) {
      let err;
      if (info.tls) {
        err = new Error(info.message);
        err.code = info.code;
      } else {
        err = errnoException(info, 'connect', host, port);
      }
      socket.destroy(err);
      return;
    }
    socket._handle = handle;
    socket.encrypted = true;
    socket.authorized = tlsOpts.rejectUnauthorized;
    socket._unrefTimer();
    if (options.noDelay !== false) handle.setNoDelay(true);
    socket.emit('connect');
    socket.emit('secureConnect');
    socket.emit('ready');
    if (!socket.isPaused()) socket.read(0);
  });
  return socket;
}

function Agent(options) {
  if (!(this instanceof Agent)) return new Agent(options);
  http.Agent.call(this, options);
  this.defaultPort = 443;
  this.protocol = 'https:';
  this.maxCachedSessions = this.options.maxCachedSessions === undefined ? 100 : this.options.maxCachedSessions;
}
Object.setPrototypeOf(Agent.prototype, http.Agent.prototype);
Object.setPrototypeOf(Agent, http.Agent);

Agent.prototype.createConnection = tlsConnect;

Agent.prototype.getName = function (options = {}) {
  let name = http.Agent.prototype.getName.call(this, options);
  name += ':';
  if (options.ca) name += pem(options.ca);
  name += ':';
  if (options.rejectUnauthorized !== undefined) name += options.rejectUnauthorized;
  name += ':';
  if (options.servername && options.servername !== options.host) name += options.servername;
  return name;
};

const globalAgent = new Agent({ keepAlive: true, scheduling: 'lifo', timeout: 5000 });

function request(...args) {
  let options = {};
  if (typeof args[0] === 'string') options = priv.urlToHttpOptions(new URL(args.shift()));
  else if (args[0] && typeof args[0] === 'object' && args[0].href !== undefined && typeof args[0].searchParams === 'object') options = priv.urlToHttpOptions(args.shift());
  if (args[0] && typeof args[0] !== 'function') Object.assign(options, args.shift());
  options._defaultAgent = module.exports.globalAgent;
  return new http.ClientRequest(options, ...args);
}

function get(...args) {
  const req = request(...args);
  req.end();
  return req;
}

module.exports = { Agent, globalAgent, Server, createServer, get, request };
// tls.js builds tls.connect and tls.Server on the same pieces.
Object.defineProperty(module.exports, Symbol.for('ebbnode.https.internal'), {
  value: { tlsConnect, pem }, enumerable: false,
});
