// tls.js: node's tls module on the TLS binding https uses (Go crypto/tls
// under net handles): connect gives a net.Socket that carries cleartext
// once the handshake is done ('secureConnect'), createServer a net.Server
// whose sockets are TLS server sides ('secureConnection'). TLSSocket over
// an existing socket and secure contexts are not implemented.
const net = require('net');
const https = require('https');
const errors = require('internal/errors');
const { tlsConnect, pem } = https[Symbol.for('ebbnode.https.internal')];

function connect(...args) {
  const cb = typeof args[args.length - 1] === 'function' ? args.pop() : undefined;
  let options = {};
  if (args[0] !== null && typeof args[0] === 'object') {
    options = { ...args[0] };
  } else {
    options.port = args[0];
    let i = 1;
    if (typeof args[1] === 'string') { options.host = args[1]; i = 2; }
    if (args[i] !== null && typeof args[i] === 'object') options = { ...args[i], ...options };
  }
  if (options.servername === undefined && options.host && !net.isIP(options.host)) options.servername = options.host;
  const socket = tlsConnect(options);
  if (cb) socket.once('secureConnect', cb);
  return socket;
}

function Server(options, secureConnectionListener) {
  if (!(this instanceof Server)) return new Server(options, secureConnectionListener);
  if (typeof options === 'function') {
    secureConnectionListener = options;
    options = {};
  } else if (options == null) {
    options = {};
  } else if (typeof options !== 'object') {
    throw errors.invalidArgType('options', 'object', options);
  }
  net.Server.call(this, { allowHalfOpen: options.allowHalfOpen, pauseOnConnect: options.pauseOnConnect });
  this._tlsOptions = { key: pem(options.key), cert: pem(options.cert) };
  // A failed handshake is the server's 'tlsClientError', not a socket's.
  this._onClientError = (info) => {
    const err = new Error(info.message);
    if (info.code) err.code = info.code;
    this.emit('tlsClientError', err, null);
  };
  if (secureConnectionListener) this.on('secureConnection', secureConnectionListener);
}
Object.setPrototypeOf(Server.prototype, net.Server.prototype);
Object.setPrototypeOf(Server, net.Server);
Server.prototype.listen = https.Server.prototype.listen;

function createServer(options, secureConnectionListener) {
  return new Server(options, secureConnectionListener);
}

function notImplemented(name) {
  return function () {
    throw errors.makeNodeError(Error, 'ERR_METHOD_NOT_IMPLEMENTED', `The ${name}() method is not implemented`);
  };
}

class TLSSocket extends net.Socket {
  constructor() {
    super();
    notImplemented('TLSSocket')();
  }
}

module.exports = {
  CLIENT_RENEG_LIMIT: 3,
  CLIENT_RENEG_WINDOW: 600,
  DEFAULT_CIPHERS: 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES256-GCM-SHA384:DHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-SHA256:DHE-RSA-AES128-SHA256:ECDHE-RSA-AES256-SHA384:DHE-RSA-AES256-SHA384:ECDHE-RSA-AES256-SHA256:DHE-RSA-AES256-SHA256:HIGH:!aNULL:!eNULL:!EXPORT:!DES:!RC4:!MD5:!PSK:!SRP:!CAMELLIA',
  DEFAULT_ECDH_CURVE: 'auto',
  DEFAULT_MIN_VERSION: 'TLSv1.2',
  DEFAULT_MAX_VERSION: 'TLSv1.3',
  connect,
  createServer,
  createSecureContext: notImplemented('tls.createSecureContext'),
  Server,
  TLSSocket,
};
