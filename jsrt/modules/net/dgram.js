'use strict';
// node's dgram module: UDP sockets over a Go datagram handle (udp.go).
// bind, send (binding implicitly first, as node does), 'message' with
// rinfo, address, close, connect/disconnect, ref/unref.

const EE = require('events');
const { Buffer } = require('buffer');
const errors = require('internal/errors');
const dns = require('dns');
const binding = internal;

const UNBOUND = 0;
const BINDING = 1;
const BOUND = 2;
const kState = Symbol('kState');

function nodeError(Base, code, msg) { return errors.makeNodeError(Base, code, msg); }

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

function Socket(type, listener) {
  EE.call(this);
  let options;
  if (type !== null && typeof type === 'object') {
    options = type;
    type = options.type;
  }
  if (type !== 'udp4' && type !== 'udp6') {
    throw nodeError(TypeError, 'ERR_SOCKET_BAD_TYPE', 'Bad socket type specified. Valid types are: udp4, udp6');
  }
  this.type = type;
  this[kState] = { handle: null, bindState: UNBOUND, queue: undefined, connected: null, unref: false, closed: false };
  if (typeof listener === 'function') this.on('message', listener);
}
Object.setPrototypeOf(Socket.prototype, EE.prototype);
Object.setPrototypeOf(Socket, EE);

function createSocket(type, listener) { return new Socket(type, listener); }

function lookupFamily(socket) { return socket.type === 'udp6' ? 6 : 4; }

Socket.prototype.bind = function (port, address, callback) {
  const state = this[kState];
  if (state.bindState !== UNBOUND) throw nodeError(Error, 'ERR_SOCKET_ALREADY_BOUND', 'Socket is already bound');
  state.bindState = BINDING;
  if (typeof address === 'function') { callback = address; address = ''; }
  if (typeof port === 'function') { callback = port; port = 0; address = ''; }
  if (port !== null && typeof port === 'object') {
    address = port.address || '';
    port = port.port || 0;
  }
  if (typeof callback === 'function') this.once('listening', callback);
  if (!address) address = this.type === 'udp6' ? '::' : '0.0.0.0';
  port = port | 0;
  dns.lookup(address, lookupFamily(this), (err, ip) => {
    if (err) {
      state.bindState = UNBOUND;
      this.emit('error', err);
      return;
    }
    const res = binding.udpBind(this.type, ip, port, (msg, rinfo) => this.emit('message', msg, rinfo));
    if (res.error) {
      state.bindState = UNBOUND;
      this.emit('error', exceptionWithHostPort(res.error, 'bind', ip, port));
      return;
    }
    state.handle = res.handle;
    if (state.unref) state.handle.unref();
    state.bindState = BOUND;
    this.emit('listening');
  });
  return this;
};

function toBuffers(msg) {
  if (typeof msg === 'string') return Buffer.from(msg);
  if (ArrayBuffer.isView(msg)) return Buffer.from(msg.buffer, msg.byteOffset, msg.byteLength);
  if (Array.isArray(msg)) return Buffer.concat(msg.map(toBuffers));
  throw errors.invalidArgType('buffer', ['Buffer', 'TypedArray', 'DataView', 'string'], msg);
}

Socket.prototype.send = function (buffer, offset, length, port, address, callback) {
  const state = this[kState];
  let list;
  if (typeof offset === 'number' && typeof length === 'number' && (typeof port === 'number' || typeof port === 'string')) {
    list = toBuffers(buffer).subarray(offset, offset + length);
  } else {
    list = toBuffers(buffer);
    callback = port;
    address = length;
    port = offset;
  }
  if (typeof address === 'function') { callback = address; address = undefined; }
  if (port === undefined && state.connected) {
    port = state.connected.port;
    address = state.connected.address;
  }
  port = validatePort(port);
  if (!address) address = this.type === 'udp6' ? '::1' : '127.0.0.1';
  if (state.bindState === UNBOUND) this.bind({ port: 0 });
  if (state.bindState !== BOUND) {
    if (!state.queue) {
      state.queue = [];
      this.once('error', () => { state.queue = undefined; });
      this.once('listening', () => {
        const q = state.queue;
        state.queue = undefined;
        for (const fn of q) fn();
      });
    }
    state.queue.push(() => this.send(list, port, address, callback));
    return;
  }
  dns.lookup(address, lookupFamily(this), (err, ip) => {
    if (err) {
      if (typeof callback === 'function') callback(err);
      else this.emit('error', err);
      return;
    }
    if (!state.handle) return;
    state.handle.send(list, ip, port, (info, n) => {
      if (info) {
        const ex = exceptionWithHostPort(info, 'send', ip, port);
        if (typeof callback === 'function') callback(ex);
        else this.emit('error', ex);
        return;
      }
      if (typeof callback === 'function') callback(null, n);
    });
  });
};

function validatePort(port) {
  if ((typeof port !== 'number' && typeof port !== 'string') || +port !== (+port >>> 0) || +port > 0xFFFF || +port === 0) {
    throw errors.makeNodeError(RangeError, 'ERR_SOCKET_BAD_PORT',
      `Port should be > 0 and < 65536. Received ${errors.determineSpecificType(port)}.`);
  }
  return +port;
}

Socket.prototype.connect = function (port, address, callback) {
  const state = this[kState];
  if (typeof address === 'function') { callback = address; address = undefined; }
  if (state.connected) throw nodeError(Error, 'ERR_SOCKET_DGRAM_IS_CONNECTED', 'Already connected');
  port = validatePort(port);
  state.connected = { address: address || (this.type === 'udp6' ? '::1' : '127.0.0.1'), port };
  if (typeof callback === 'function') this.once('connect', callback);
  const done = () => process.nextTick(() => this.emit('connect'));
  if (state.bindState === UNBOUND) { this.bind({ port: 0 }); this.once('listening', done); } else done();
};

Socket.prototype.disconnect = function () {
  const state = this[kState];
  if (!state.connected) throw nodeError(Error, 'ERR_SOCKET_DGRAM_NOT_CONNECTED', 'Not connected');
  state.connected = null;
};

Socket.prototype.remoteAddress = function () {
  const state = this[kState];
  if (!state.handle) throw nodeError(Error, 'ERR_SOCKET_DGRAM_NOT_RUNNING', 'Not running');
  if (!state.connected) throw nodeError(Error, 'ERR_SOCKET_DGRAM_NOT_CONNECTED', 'Not connected');
  const family = this.type === 'udp6' ? 'IPv6' : 'IPv4';
  return { address: state.connected.address, family, port: state.connected.port };
};

Socket.prototype.address = function () {
  const state = this[kState];
  if (state.closed) throw nodeError(Error, 'ERR_SOCKET_DGRAM_NOT_RUNNING', 'Not running');
  if (!state.handle) {
    // node's handle exists from the start; unbound, getsockname fails.
    const err = new Error('getsockname EBADF');
    err.errno = -9;
    err.code = 'EBADF';
    err.syscall = 'getsockname';
    throw err;
  }
  return state.handle.address();
};

Socket.prototype.close = function (callback) {
  const state = this[kState];
  const queue = state.queue;
  if (typeof callback === 'function') this.on('close', callback);
  if (queue !== undefined) {
    queue.push(() => this.close());
    return this;
  }
  if (!state.handle) throw nodeError(Error, 'ERR_SOCKET_DGRAM_NOT_RUNNING', 'Not running');
  state.handle.close();
  state.handle = null;
  state.closed = true;
  process.nextTick(() => this.emit('close'));
  return this;
};

Socket.prototype.ref = function () {
  const state = this[kState];
  state.unref = false;
  if (state.handle) state.handle.ref();
  return this;
};

Socket.prototype.unref = function () {
  const state = this[kState];
  state.unref = true;
  if (state.handle) state.handle.unref();
  return this;
};

for (const name of ['setBroadcast', 'setTTL', 'setMulticastTTL', 'setMulticastLoopback', 'setMulticastInterface',
  'addMembership', 'dropMembership', 'setRecvBufferSize', 'setSendBufferSize']) {
  Socket.prototype[name] = function () {
    if (!this[kState].handle) throw nodeError(Error, 'ERR_SOCKET_DGRAM_NOT_RUNNING', 'Not running');
    return undefined;
  };
}

module.exports = { createSocket, Socket };
