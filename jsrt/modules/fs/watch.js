// ---- fs.watch, fs.watchFile/unwatchFile and fs.promises.watch, by
// polling stat (and readdir for a directory) through the file-system
// service, so that they work the same hosted and in an image (where each
// look is a Messenger round trip within the grants). fs.watch looks every
// kWatchInterval ms and reports what inotify would for the change seen:
// 'change' for a file whose size or mtime moved, 'rename' for a name that
// appeared or went; watchFile calls back with (curr, prev) Stats as
// node's stat poller does.

const internalErrors = require('internal/errors');

const kWatchInterval = 50;

function statOrNull(p) {
  try {
    return exports.statSync(p);
  } catch {
    return null;
  }
}

// A snapshot maps each name watched to a change key: for a file its
// size and mtime, for a directory its entries' (recursively with
// recursive) and its own.
function snapshot(p, recursive) {
  const snap = new Map();
  const st = statOrNull(p);
  if (st === null) return snap;
  snap.set('', `${st.size}:${st.mtimeMs}:${st.mode}`);
  if (!st.isDirectory()) return snap;
  const walk = (dir, prefix) => {
    let names;
    try {
      names = exports.readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      const full = dir + '/' + name;
      const rel = prefix + name;
      const s = statOrNull(full);
      if (s === null) continue;
      snap.set(rel, `${s.size}:${s.mtimeMs}:${s.isDirectory() ? 'd' : 'f'}`);
      if (recursive && s.isDirectory()) walk(full, rel + '/');
    }
  };
  walk(p, '');
  return snap;
}

class FSWatcher extends EventEmitter {
  constructor() {
    super();
    this._timer = null;
    this._closed = false;
  }

  _start(p, options) {
    const st = statOrNull(p);
    if (st === null) {
      try {
        exports.statSync(p);
      } catch (e) {
        const err = new Error(e.message.replace(/, stat '/, ", watch '"));
        err.errno = e.errno;
        err.syscall = 'watch';
        err.code = e.code;
        err.path = p;
        err.filename = p;
        throw err;
      }
    }
    const base = p.slice(p.lastIndexOf('/') + 1);
    const isDir = st.isDirectory();
    const recursive = Boolean(options.recursive);
    const name = (n) => (options.encoding === 'buffer' ? Buffer.from(n) : n);
    let prev = snapshot(p, recursive);
    this._timer = setInterval(() => {
      const cur = snapshot(p, recursive);
      const events = [];
      if (!isDir) {
        const a = prev.get(''), b = cur.get('');
        if (a !== b) events.push([a === undefined || b === undefined ? 'rename' : 'change', base]);
      } else {
        for (const [k, v] of cur) {
          if (k === '') continue;
          const old = prev.get(k);
          if (old === undefined) events.push(['rename', k]);
          else if (old !== v && !v.endsWith(':d')) events.push(['change', k]);
        }
        for (const k of prev.keys()) {
          if (k !== '' && !cur.has(k)) events.push(['rename', k]);
        }
      }
      prev = cur;
      for (const [type, n] of events) {
        if (this._closed) break;
        this.emit('change', type, name(n));
      }
    }, kWatchInterval);
    if (options.persistent === false) this._timer.unref();
    if (options.signal) {
      if (options.signal.aborted) process.nextTick(() => this.close());
      else options.signal.addEventListener('abort', () => this.close(), { once: true });
    }
  }

  close() {
    if (this._closed) return;
    this._closed = true;
    clearInterval(this._timer);
    process.nextTick(() => this.emit('close'));
  }

  ref() {
    if (this._timer) this._timer.ref();
    return this;
  }

  unref() {
    if (this._timer) this._timer.unref();
    return this;
  }
}

exports.watch = function watch(filename, options, listener) {
  if (typeof options === 'function') {
    listener = options;
    options = undefined;
  }
  options = getOptions(options, { persistent: true, recursive: false, encoding: 'utf8' });
  checkEncoding(options.encoding);
  internalErrors.validateAbortSignal(options.signal, 'options.signal');
  const p = toPath(filename, 'filename');
  const w = new FSWatcher();
  w._start(p, options);
  if (listener !== undefined) w.on('change', listener);
  return w;
};

// ---- watchFile: one poller per path, shared by its listeners.

class StatWatcher extends EventEmitter {
  constructor(p, interval, persistent) {
    super();
    const zero = () => new Stats([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    let prev = statOrNull(p) || zero();
    this._timer = setInterval(() => {
      const cur = statOrNull(p) || zero();
      if (cur.mtimeMs !== prev.mtimeMs || cur.size !== prev.size || cur.mode !== prev.mode || cur.ino !== prev.ino) {
        const old = prev;
        prev = cur;
        this.emit('change', cur, old);
      }
    }, interval);
    if (!persistent) this._timer.unref();
  }

  stop() {
    clearInterval(this._timer);
    process.nextTick(() => this.emit('stop'));
  }

  ref() { this._timer.ref(); return this; }

  unref() { this._timer.unref(); return this; }
}

const statWatchers = new Map();

exports.watchFile = function watchFile(filename, options, listener) {
  if (typeof options === 'function') {
    listener = options;
    options = undefined;
  }
  options = Object.assign({ interval: 5007, persistent: true }, options);
  if (typeof listener !== 'function') throw invalidArgType('listener', 'function', listener);
  const p = toPath(filename, 'filename');
  let w = statWatchers.get(p);
  if (w === undefined) {
    w = new StatWatcher(p, options.interval, options.persistent);
    statWatchers.set(p, w);
  }
  w.on('change', listener);
  return w;
};

exports.unwatchFile = function unwatchFile(filename, listener) {
  const p = toPath(filename, 'filename');
  const w = statWatchers.get(p);
  if (w === undefined) return;
  if (typeof listener === 'function') w.removeListener('change', listener);
  else w.removeAllListeners('change');
  if (w.listenerCount('change') === 0) {
    w.stop();
    statWatchers.delete(p);
  }
};

// fs.promises.watch: an async iterator of { eventType, filename } that
// ends with node's AbortError when options.signal aborts.
promises.watch = function watch(filename, options = {}) {
  if (options === null || typeof options !== 'object') throw invalidArgType('options', 'Object', options);
  const signal = options.signal;
  internalErrors.validateAbortSignal(signal, 'options.signal');
  const queue = [];
  const waiting = [];
  let error = null;
  let done = false;
  const w = exports.watch(filename, Object.assign({}, options, { signal: undefined }));
  const settle = () => {
    while (waiting.length > 0) {
      const { resolve, reject } = waiting[0];
      if (queue.length > 0) resolve({ value: queue.shift(), done: false });
      else if (error !== null) { reject(error); error = null; done = true; }
      else if (done) resolve({ value: undefined, done: true });
      else return;
      waiting.shift();
    }
  };
  w.on('change', (eventType, name) => { queue.push({ eventType, filename: name }); settle(); });
  const abort = () => {
    error = new internalErrors.AbortError(undefined, { cause: signal.reason });
    w.close();
    settle();
  };
  if (signal) {
    if (signal.aborted) abort();
    else signal.addEventListener('abort', abort, { once: true });
  }
  return {
    next() {
      if (queue.length > 0) return Promise.resolve({ value: queue.shift(), done: false });
      if (error !== null) { const e = error; error = null; done = true; return Promise.reject(e); }
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
    return() {
      done = true;
      w.close();
      if (signal) signal.removeEventListener('abort', abort);
      settle();
      return Promise.resolve({ value: undefined, done: true });
    },
    [Symbol.asyncIterator]() { return this; },
  };
};
