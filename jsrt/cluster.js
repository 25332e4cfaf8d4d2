// require('cluster') (see cluster.go): the primary forks workers that run
// the main script again with cluster.isWorker true, each an isolated
// runtime on its own core in this process, sharing listening ports.
// Messages between primary and workers go as JSON over a worker_threads
// port; the cluster's own messages carry an ebbnodeCluster field.
(function (binding, requireCore) {
'use strict';

const EventEmitter = requireCore('events');
const wt = requireCore('worker_threads');
const internal = binding.wt;
const kCmd = 'ebbnodeCluster';

const SCHED_NONE = 1;
const SCHED_RR = 2;
const json = (m) => (m === undefined ? undefined : JSON.parse(JSON.stringify(m)));

// addressOf is what node's 'listening' event carries for a listen call.
function addressOf(server, args) {
  let host = null;
  const a0 = args[0];
  if (a0 !== null && typeof a0 === 'object') host = a0.host || null;
  else if (typeof args[1] === 'string') host = args[1];
  const addr = server.address() || {};
  return { address: host, port: addr.port, addressType: host && host.includes(':') ? 6 : 4 };
}

if (binding.workerId > 0) {
  // ---- worker side
  const port = internal.clusterPort();
  const cluster = new EventEmitter();
  const servers = new Set();
  let connected = true;
  const worker = new EventEmitter();
  worker.id = binding.workerId;
  worker.process = process;
  worker.exitedAfterDisconnect = false;
  worker.state = 'online';
  worker.send = (m, ...rest) => process.send(m, ...rest);
  worker.isConnected = () => connected;
  worker.isDead = () => false;
  worker.disconnect = () => { process.disconnect(); return worker; };
  worker.kill = (signal) => process.exit(signal === undefined || signal === 'SIGTERM' ? 0 : 1);
  worker.destroy = worker.kill;
  Object.assign(cluster, {
    isWorker: true, isMaster: false, isPrimary: false, worker, workers: undefined,
    settings: {}, SCHED_NONE, SCHED_RR, schedulingPolicy: SCHED_RR,
  });

  process.connected = true;
  process.send = function send(message, handle, options, callback) {
    if (typeof handle === 'function') callback = handle;
    else if (typeof options === 'function') callback = options;
    if (!connected) {
      const err = new Error('Channel closed');
      err.code = 'ERR_IPC_CHANNEL_CLOSED';
      if (typeof callback === 'function') process.nextTick(callback, err);
      else process.nextTick(() => process.emit('error', err));
      return false;
    }
    port.postMessage({ m: json(message) });
    if (typeof callback === 'function') process.nextTick(callback, null);
    return true;
  };
  process.disconnect = function disconnect() {
    if (!connected) return;
    worker.exitedAfterDisconnect = true;
    for (const s of servers) s.close();
    port.postMessage({ [kCmd]: 'disconnect' });
    connected = false;
    process.connected = false;
    port.close();
    process.nextTick(() => { worker.emit('disconnect'); process.emit('disconnect'); });
  };
  // A 'message' listener on process keeps the channel (and the worker)
  // alive, as node's IPC channel does.
  port.on('message', (msg) => {
    if (msg[kCmd] === 'disconnect') { process.disconnect(); return; }
    process.emit('message', msg.m, undefined);
    worker.emit('message', msg.m, undefined);
  });
  port.unref();
  process.on('newListener', (name) => { if (name === 'message') port.ref(); });
  process.on('removeListener', (name) => { if (name === 'message' && process.listenerCount('message') === 0) port.unref(); });

  // Listening servers are reported to the primary and closed on disconnect.
  const net = requireCore('net');
  const listen = net.Server.prototype.listen;
  net.Server.prototype.listen = function (...args) {
    servers.add(this);
    this.once('listening', () => {
      const address = addressOf(this, args);
      worker.state = 'listening';
      if (connected) port.postMessage({ [kCmd]: 'listening', address });
    });
    this.once('close', () => servers.delete(this));
    return listen.apply(this, args);
  };
  return cluster;
}

// ---- primary side
const cluster = new EventEmitter();
const workers = {};
let nextId = 1;
const settings = {};

function setupPrimary(s) {
  Object.assign(settings, {
    args: process.argv.slice(2), exec: process.argv[1], execArgv: process.execArgv, silent: false,
  }, settings, s || {});
  cluster.emit('setup', settings);
}

class Worker extends EventEmitter {
  constructor(id, w) {
    super();
    this.id = id;
    this.exitedAfterDisconnect = undefined;
    this.state = 'none';
    this._w = w;
    this._dead = false;
    this._connected = true;
    this.process = new EventEmitter();
    this.process.pid = process.pid;
    this.process.connected = true;
    this.process.kill = (sig) => this.kill(sig);
  }
  send(message, handle, options, callback) {
    if (typeof handle === 'function') callback = handle;
    else if (typeof options === 'function') callback = options;
    if (!this._connected) {
      const err = new Error('Channel closed');
      err.code = 'ERR_IPC_CHANNEL_CLOSED';
      if (typeof callback === 'function') process.nextTick(callback, err);
      else process.nextTick(() => this.emit('error', err));
      return false;
    }
    this._w.postMessage({ m: json(message) });
    if (typeof callback === 'function') process.nextTick(callback, null);
    return true;
  }
  disconnect() {
    this.exitedAfterDisconnect = true;
    if (this._connected) this._w.postMessage({ [kCmd]: 'disconnect' });
    return this;
  }
  kill(signal = 'SIGTERM') {
    this._signal = signal;
    this._w.terminate();
  }
  destroy(signal) { this.kill(signal); }
  isConnected() { return this._connected; }
  isDead() { return this._dead; }
}

function onDisconnect(worker) {
  if (!worker._connected) return;
  worker._connected = false;
  worker.process.connected = false;
  worker.state = 'disconnected';
  if (worker.exitedAfterDisconnect === undefined) worker.exitedAfterDisconnect = false;
  delete workers[worker.id];
  worker.emit('disconnect');
  cluster.emit('disconnect', worker);
}

function fork(env) {
  if (!settings.exec) setupPrimary();
  const id = nextId++;
  // node's NODE_UNIQUE_ID is gone by the time worker code runs: not set.
  const fullEnv = Object.assign({}, process.env, env || {});
  const w = new wt.Worker(settings.exec, {
    argv: settings.args, env: fullEnv, [internal.kCluster]: id,
  });
  const worker = new Worker(id, w);
  workers[id] = worker;
  w.on('online', () => {
    worker.state = 'online';
    worker.emit('online');
    cluster.emit('online', worker);
  });
  w.on('message', (msg) => {
    switch (msg[kCmd]) {
      case 'listening':
        worker.state = 'listening';
        worker.emit('listening', msg.address);
        cluster.emit('listening', worker, msg.address);
        return;
      case 'disconnect':
        onDisconnect(worker);
        return;
    }
    worker.emit('message', msg.m, undefined);
    cluster.emit('message', worker, msg.m, undefined);
  });
  w.on('error', (err) => worker.emit('error', err));
  w.on('exit', (code) => {
    onDisconnect(worker);
    worker._dead = true;
    worker.state = 'dead';
    delete workers[id];
    const signal = worker._signal !== undefined ? worker._signal : null;
    if (signal !== null) code = null;
    worker.process.emit('exit', code, signal);
    worker.emit('exit', code, signal);
    cluster.emit('exit', worker, code, signal);
  });
  process.nextTick(() => cluster.emit('fork', worker));
  return worker;
}

function disconnect(callback) {
  const list = Object.values(workers);
  let left = list.length;
  if (typeof callback === 'function') {
    if (left === 0) process.nextTick(callback);
    for (const w of list) w.once('disconnect', () => { if (--left === 0) callback(); });
  }
  for (const w of list) w.disconnect();
}

Object.assign(cluster, {
  isWorker: false, isMaster: true, isPrimary: true, Worker, workers, settings,
  SCHED_NONE, SCHED_RR, schedulingPolicy: SCHED_RR,
  fork, setupPrimary, setupMaster: setupPrimary, disconnect,
});
return cluster;
})
