'use strict';
// node's 'child_process' (see child_process.go for what differs): argument
// handling, ChildProcess and its stdio, exec/execFile output collection and
// the sync forms' result and error shapes. internal.spawn and
// internal.spawnSync run the processes.

const EventEmitter = require('events');
const { Readable, Writable } = require('stream');
const { Buffer } = require('buffer');
const errors = require('internal/errors');
const { invalidArgType, invalidArgValue, makeNodeError } = errors;

function spawnError(syscall, file, args, code, errno) {
  const err = new Error(`${syscall} ${file} ${code}`);
  err.errno = errno;
  err.code = code;
  err.syscall = `${syscall} ${file}`;
  err.path = file;
  err.spawnargs = args;
  return err;
}

function normalizeStdio(stdio) {
  if (stdio === undefined || stdio === null) return ['pipe', 'pipe', 'pipe'];
  if (typeof stdio === 'string') {
    if (stdio === 'overlapped') stdio = 'pipe';
    if (!['pipe', 'inherit', 'ignore'].includes(stdio)) throw invalidArgValue('stdio', stdio);
    return [stdio, stdio, stdio];
  }
  if (!Array.isArray(stdio)) throw invalidArgValue('stdio', stdio);
  const out = [];
  for (let i = 0; i < 3; i++) {
    const s = stdio[i];
    if (s === undefined || s === null || s === 'pipe' || s === 'overlapped') out.push('pipe');
    else if (s === 'inherit' || s === i || (s && s.fd === i && typeof s.write === 'function')) out.push('inherit');
    else if (s === 'ignore') out.push('ignore');
    else {
      throw makeNodeError(TypeError, 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM',
        `stdio ${typeof s === 'string' ? `'${s}'` : typeof s} is not supported by ebbnode's child_process`);
    }
  }
  return out;
}

function envArray(env) {
  const out = [];
  for (const key of Object.keys(env)) {
    const v = env[key];
    if (v !== undefined) out.push(`${key}=${v}`);
  }
  return out;
}

// normalize is node's normalizeSpawnArguments.
function normalize(file, args, options) {
  errors.validateString(file, 'file');
  if (file.length === 0) throw invalidArgValue('file', file, 'cannot be empty');
  if (Array.isArray(args)) {
    args = args.slice();
  } else if (args === undefined || args === null) {
    args = [];
  } else if (typeof args !== 'object') {
    throw invalidArgType('args', 'object', args);
  } else {
    options = args;
    args = [];
  }
  if (options === undefined) options = {};
  else if (options === null || typeof options !== 'object') throw invalidArgType('options', 'object', options);
  let cwd = options.cwd;
  if (cwd !== undefined && cwd !== null) {
    if (cwd instanceof URL) cwd = cwd.pathname;
    errors.validateString(cwd, 'options.cwd');
  }
  if (options.argv0 !== undefined) errors.validateString(options.argv0, 'options.argv0');
  if (options.shell !== undefined && typeof options.shell !== 'boolean' && typeof options.shell !== 'string') {
    throw invalidArgType('options.shell', ['boolean', 'string'], options.shell);
  }
  if (options.shell) {
    const command = [file, ...args].join(' ');
    file = typeof options.shell === 'string' ? options.shell : '/bin/sh';
    args = ['-c', command];
  }
  const argv0 = options.argv0 === undefined ? file : options.argv0;
  return {
    file,
    args,
    argv0,
    cwd: cwd === undefined || cwd === null ? process.cwd() : cwd,
    env: envArray(options.env || process.env),
    stdio: normalizeStdio(options.stdio),
    options,
  };
}

// ---- ChildProcess ----

// A child's stdout and stderr are stream.Readables read from the start (as
// node's pipe sockets are), pausing while the buffer is over its
// highWaterMark; its stdin is a stream.Writable.
function childReadable(h) {
  let reading = false;
  let ended = false;
  const s = new Readable({ read() { pump(); } });
  function pump() {
    if (reading || ended || h === null) return;
    reading = true;
    h.read(s.fd, (chunk) => {
      reading = false;
      if (chunk === null) {
        ended = true;
        s.push(null);
        return;
      }
      if (s.push(Buffer.from(chunk))) pump();
    });
  }
  s._start = pump;
  return s;
}

function childWritable(h) {
  return new Writable({
    write(chunk, encoding, cb) {
      h.write(chunk);
      cb();
    },
    final(cb) {
      h.end();
      cb();
    },
  });
}

class ChildProcess extends EventEmitter {
  constructor() {
    super();
    this._closesNeeded = 1;
    this._closesGot = 0;
    this.connected = false;
    this.signalCode = null;
    this.exitCode = null;
    this.killed = false;
    this.spawnfile = null;
    this._h = null;
  }
  spawn(opts) {
    this.spawnfile = opts.file;
    this.spawnargs = [opts.argv0, ...opts.args];
    const h = internal.spawn({ file: opts.file, args: opts.args, argv0: opts.argv0, cwd: opts.cwd, env: opts.env, stdio: opts.stdio });
    const failed = typeof h.error === 'string';
    const modes = opts.stdio;
    this.stdin = modes[0] === 'pipe' ? childWritable(failed ? { write() {}, end() {} } : h) : null;
    this.stdout = modes[1] === 'pipe' ? childReadable(failed ? null : h) : null;
    this.stderr = modes[2] === 'pipe' ? childReadable(failed ? null : h) : null;
    this.stdio = [this.stdin, this.stdout, this.stderr];
    if (failed) {
      const err = spawnError('spawn', opts.file, opts.args, h.error, h.errno);
      this.exitCode = h.errno;
      // As node: the error, then the pipes end and close, then 'close'.
      process.nextTick(() => this.emit('error', err));
      for (const stream of [this.stdout, this.stderr]) {
        if (stream === null) continue;
        this._closesNeeded++;
        stream.on('close', () => this._maybeClose());
        stream.push(null);
        stream.resume();
      }
      if (this.stdin) this.stdin.destroy();
      process.nextTick(() => this._maybeClose());
      return err;
    }
    this._h = h;
    this.pid = h.pid;
    for (const [fd, stream] of [[1, this.stdout], [2, this.stderr]]) {
      if (stream === null) continue;
      this._closesNeeded++;
      stream.fd = fd;
      stream.on('close', () => this._maybeClose());
      stream._start();
    }
    h.wait((code, signal) => {
      this.exitCode = signal === null ? code : null;
      this.signalCode = signal;
      if (this.stdin) this.stdin.destroy();
      // As node's flushStdio: output nobody reads is drained, so the
      // streams end and 'close' comes.
      process.nextTick(() => {
        for (const stream of [this.stdout, this.stderr]) if (stream && stream.readable) stream.resume();
      });
      this.emit('exit', this.exitCode, this.signalCode);
      this._maybeClose();
    });
    process.nextTick(() => this.emit('spawn'));
    return undefined;
  }
  _maybeClose() {
    if (++this._closesGot === this._closesNeeded) this.emit('close', this.exitCode, this.signalCode);
  }
  kill(sig) {
    const name = signalName(sig === undefined ? 'SIGTERM' : sig);
    if (this._h === null || this.exitCode !== null || this.signalCode !== null) return false;
    const sent = this._h.kill(name);
    if (sent) this.killed = true;
    return sent;
  }
  ref() {}
  unref() {}
  get [Symbol.toStringTag]() { return 'ChildProcess'; }
}

const signalNumbers = {
  SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGILL: 4, SIGTRAP: 5, SIGABRT: 6, SIGBUS: 7, SIGFPE: 8, SIGKILL: 9,
  SIGUSR1: 10, SIGSEGV: 11, SIGUSR2: 12, SIGPIPE: 13, SIGALRM: 14, SIGTERM: 15, SIGCHLD: 17, SIGCONT: 18,
  SIGSTOP: 19, SIGTSTP: 20, SIGTTIN: 21, SIGTTOU: 22, SIGURG: 23, SIGXCPU: 24, SIGXFSZ: 25,
  SIGVTALRM: 26, SIGPROF: 27, SIGWINCH: 28, SIGIO: 29, SIGPWR: 30, SIGSYS: 31,
};

function signalName(sig) {
  if (typeof sig === 'number') {
    const name = Object.keys(signalNumbers).find((k) => signalNumbers[k] === sig);
    if (name !== undefined || sig === 0) return name || 'SIGTERM';
  } else if (typeof sig === 'string' && signalNumbers[sig] !== undefined) {
    return sig;
  }
  throw makeNodeError(TypeError, 'ERR_UNKNOWN_SIGNAL', `Unknown signal: ${sig}`);
}

function spawn(file, args, options) {
  const opts = normalize(file, args, options);
  const child = new ChildProcess();
  child.spawn(opts);
  const o = opts.options;
  if (o.timeout !== undefined && o.timeout > 0) {
    const t = setTimeout(() => child.kill(o.killSignal), o.timeout);
    child.once('exit', () => clearTimeout(t));
  }
  if (o.signal !== undefined) {
    const onAbort = () => {
      if (child.kill(o.killSignal)) {
        const err = new Error('The operation was aborted');
        err.name = 'AbortError';
        err.code = 'ABORT_ERR';
        err.cause = o.signal.reason;
        child.emit('error', err);
      }
    };
    if (o.signal.aborted) process.nextTick(onAbort);
    else o.signal.addEventListener('abort', onAbort, { once: true });
  }
  return child;
}

// ---- exec and execFile ----

function execFile(file, args, options, callback) {
  if (typeof args === 'function') { callback = args; args = []; options = {}; }
  else if (typeof options === 'function') {
    callback = options;
    if (Array.isArray(args) || args === undefined || args === null) options = {};
    else { options = args; args = []; }
  }
  if (args === undefined || args === null) args = [];
  if (!Array.isArray(args)) { options = args; args = []; }
  if (callback !== undefined) errors.validateFunction(callback, 'callback');
  const o = { encoding: 'utf8', timeout: 0, maxBuffer: 1024 * 1024, killSignal: 'SIGTERM', ...options };
  const cmd = o._cmd !== undefined ? o._cmd : [file, ...args].join(' ');
  delete o._cmd;
  const child = spawn(file, args, { cwd: o.cwd, env: o.env, shell: o.shell, argv0: o.argv0, stdio: 'pipe' });
  const out = [];
  const err = [];
  let killed = false;
  let failure = null;
  let sizes = [0, 0];
  let timer = null;
  if (o.timeout > 0) {
    timer = setTimeout(() => { killed = true; child.kill(o.killSignal); }, o.timeout);
  }
  const collect = (list, i, name) => (chunk) => {
    sizes[i] += chunk.length;
    if (sizes[i] > o.maxBuffer) {
      failure = makeNodeError(RangeError, 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER', `${name} maxBuffer length exceeded`);
      killed = true;
      child.kill(o.killSignal);
      return;
    }
    list.push(chunk);
  };
  if (child.stdout) child.stdout.on('data', collect(out, 0, 'stdout'));
  if (child.stderr) child.stderr.on('data', collect(err, 1, 'stderr'));
  const text = (list) => {
    const b = Buffer.concat(list);
    return o.encoding && o.encoding !== 'buffer' && Buffer.isEncoding(o.encoding) ? b.toString(o.encoding) : b;
  };
  let done = false;
  const finish = (code, signal, spawnErr) => {
    if (done) return;
    done = true;
    if (timer !== null) clearTimeout(timer);
    if (callback === undefined) return;
    const stdout = text(out);
    const stderr = text(err);
    let ex = spawnErr || failure;
    if (ex === null && (code !== 0 || signal !== null)) {
      ex = new Error(`Command failed: ${cmd}\n${stderr}`);
      ex.code = code;
      ex.killed = child.killed || killed;
      ex.signal = signal;
    }
    if (ex !== null) {
      ex.cmd = cmd;
      callback(ex, stdout, stderr);
    } else {
      callback(null, stdout, stderr);
    }
  };
  child.on('error', (e) => finish(null, null, e));
  child.on('close', (code, signal) => finish(code, signal, null));
  return child;
}

function exec(command, options, callback) {
  if (typeof options === 'function') { callback = options; options = undefined; }
  errors.validateString(command, 'command');
  const o = { ...options };
  const shell = typeof o.shell === 'string' ? o.shell : '/bin/sh';
  delete o.shell;
  o._cmd = command;
  return execFile(shell, ['-c', command], o, callback);
}

// As node, util.promisify(exec) and (execFile) resolve to {stdout, stderr},
// reject with both attached to the error, and expose the child.
function customPromisify(orig) {
  return function (...args) {
    let resolve;
    let reject;
    const promise = new Promise((res, rej) => { resolve = res; reject = rej; });
    promise.child = orig(...args, (err, stdout, stderr) => {
      if (err !== null) {
        err.stdout = stdout;
        err.stderr = stderr;
        reject(err);
      } else {
        resolve({ stdout, stderr });
      }
    });
    return promise;
  };
}
for (const fn of [exec, execFile]) {
  Object.defineProperty(fn, Symbol.for('nodejs.util.promisify.custom'), { value: customPromisify(fn), enumerable: false });
}

// ---- the sync forms ----

function spawnSync(file, args, options) {
  const opts = normalize(file, args, options);
  const o = opts.options;
  let input;
  if (o.input !== undefined) {
    if (typeof o.input === 'string') input = Buffer.from(o.input, o.encoding && o.encoding !== 'buffer' ? o.encoding : 'utf8');
    else if (ArrayBuffer.isView(o.input)) input = o.input;
    else throw invalidArgType('options.stdio[0]', ['Buffer', 'TypedArray', 'DataView', 'string'], o.input);
  }
  const r = internal.spawnSync({
    file: opts.file, args: opts.args, argv0: opts.argv0, cwd: opts.cwd, env: opts.env, stdio: opts.stdio,
    input, timeout: o.timeout, killSignal: o.killSignal === undefined ? 'SIGTERM' : signalName(o.killSignal),
  });
  if (typeof r.error === 'string') {
    return {
      error: spawnError('spawnSync', opts.file, opts.args, r.error, r.errno),
      status: null, signal: null, output: null, pid: 0, stdout: null, stderr: null,
    };
  }
  const enc = o.encoding && o.encoding !== 'buffer' && Buffer.isEncoding(o.encoding) ? o.encoding : null;
  const conv = (ab, mode) => {
    if (mode !== 'pipe') return null;
    const b = Buffer.from(ab);
    return enc ? b.toString(enc) : b;
  };
  const stdout = conv(r.stdout, opts.stdio[1]);
  const stderr = conv(r.stderr, opts.stdio[2]);
  return {
    status: r.signal ? null : r.status,
    signal: r.signal ? r.signal : null,
    output: [null, stdout, stderr],
    pid: r.pid,
    stdout,
    stderr,
  };
}

function checkExecSyncError(ret, cmd) {
  let err;
  if (ret.error) {
    err = ret.error;
    Object.assign(err, ret);
  } else if (ret.status !== 0) {
    let msg = `Command failed: ${cmd}`;
    if (ret.stderr && ret.stderr.length > 0) msg += `\n${ret.stderr.toString()}`;
    err = new Error(msg);
    Object.assign(err, ret);
  }
  return err;
}

// execSyncCommon: with no stdio option, the child's stderr is piped and
// then written to ours, as node does.
function execSyncCommon(file, args, options, cmd) {
  const inheritStderr = !options || options.stdio === undefined;
  const ret = spawnSync(file, args, options);
  if (inheritStderr && ret.stderr) process.stderr.write(ret.stderr);
  const err = checkExecSyncError(ret, cmd);
  if (err) throw err;
  return ret.stdout;
}

function execSync(command, options) {
  errors.validateString(command, 'command');
  const o = { ...options };
  const shell = typeof o.shell === 'string' ? o.shell : '/bin/sh';
  delete o.shell;
  return execSyncCommon(shell, ['-c', command], o, command);
}

function execFileSync(file, args, options) {
  if (!Array.isArray(args) && args !== undefined && args !== null) { options = args; args = []; }
  args = args || [];
  return execSyncCommon(file, args, options, [file, ...args].join(' '));
}

function unavailable(name) {
  return function () {
    throw makeNodeError(Error, 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM',
      `child_process.${name} (a child node with an IPC channel) is not supported by ebbnode`);
  };
}

module.exports = {
  _forkChild: unavailable('_forkChild'),
  ChildProcess,
  exec,
  execFile,
  execFileSync,
  execSync,
  fork: unavailable('fork'),
  spawn,
  spawnSync,
};
