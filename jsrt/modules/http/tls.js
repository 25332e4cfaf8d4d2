// tls.js: node's tls module on the TLS binding that https uses (Go
// crypto/tls under net handles): tls.createServer/Server (a net.Server
// whose connections are TLS server sides, 'secureConnection'),
// tls.connect (a socket that is connecting until the handshake is done,
// then 'secureConnect'), TLSSocket as the socket class, and the constants
// scripts read. The handshake runs in Go: a socket is 'secure' when JS
// first sees it, so there is no renegotiation, session or ALPN API.
const net = require('net');
const https = require('https');
const errors = require('internal/errors');
const priv = https[Symbol.for('ebbnode.tls.internal')];

// --- Server ---
function Server(options, secureConnectionListener) {
  if (!(this instanceof Server)) return new Server(options, secureConnectionListener);
  if (typeof options === 'function') { secureConnectionListener = options; options = {}; }
  options = { ...options };
  net.Server.call(this, { allowHalfOpen: options.allowHalfOpen, pauseOnConnect: options.pauseOnConnect });
  this._tlsOptions = { key: priv.pem(options.key), cert: priv.pem(options.cert) };
  if (secureConnectionListener) this.on('secureConnection', secureConnectionListener);
}
Object.setPrototypeOf(Server.prototype, net.Server.prototype);
Object.setPrototypeOf(Server, net.Server);

Server.prototype.listen = function (...args) { return priv.listenTLS(this, args, onconnection); };

function onconnection(self, handle) {
  const socket = new net.Socket({ handle, allowHalfOpen: self.allowHalfOpen, readable: true, writable: true });
  socket.encrypted = true;
  socket.authorized = false; // no client certificates are asked for
  self._connections++;
  socket.server = self;
  socket._server = self;
  self.emit('secureConnection', socket);
}

function createServer(options, listener) { return new Server(options, listener); }

// --- client ---
// connect(options[, cb]), connect(port[, host][, options][, cb]).
function connect(...args) {
  const cb = typeof args[args.length - 1] === 'function' ? args.pop() : null;
  let options = {};
  if (typeof args[0] === 'object' && args[0] !== null) {
    options = { ...args[0] };
  } else {
    options.port = args[0];
    if (typeof args[1] === 'string') options.host = args[1];
    const more = args.find((a, i) => i > 0 && typeof a === 'object' && a !== null);
    if (more) options = { ...more, ...options };
  }
  if (options.port === undefined || options.port === null) {
    throw errors.makeNodeError(TypeError, 'ERR_MISSING_ARGS', 'The "options.port" property must be specified');
  }
  if (options.servername === undefined && options.host && !net.isIP(options.host)) options.servername = options.host;
  const socket = priv.tlsConnect(options);
  if (cb) socket.once('secureConnect', cb);
  return socket;
}

const TLSSocket = net.Socket;

module.exports = {
  Server, createServer, connect, TLSSocket,
  CLIENT_RENEG_LIMIT: 3,
  CLIENT_RENEG_WINDOW: 600,
  DEFAULT_CIPHERS: 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES256-GCM-SHA384:DHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-SHA256:DHE-RSA-AES128-SHA256:ECDHE-RSA-AES256-SHA384:DHE-RSA-AES256-SHA384:ECDHE-RSA-AES256-SHA256:DHE-RSA-AES256-SHA256:HIGH:!aNULL:!eNULL:!EXPORT:!DES:!RC4:!MD5:!PSK:!SRP:!CAMELLIA',
  DEFAULT_ECDH_CURVE: 'auto',
  DEFAULT_MIN_VERSION: 'TLSv1.2',
  DEFAULT_MAX_VERSION: 'TLSv1.3',
};
