'use strict';
// node's fs API over the Go binding (binding.go). Every operation is one
// impl(args, cb) function: cb undefined means the Sync form (return or
// throw); otherwise the binding runs it off the loop and calls cb(err, res).

const { Buffer } = require('buffer');
const { invalidArgType, invalidArgValue } = require('internal/errors');

// node 20's fs.constants on Linux, in its order.
const constants = {
  UV_FS_SYMLINK_DIR: 1, UV_FS_SYMLINK_JUNCTION: 2, O_RDONLY: 0, O_WRONLY: 1, O_RDWR: 2,
  UV_DIRENT_UNKNOWN: 0, UV_DIRENT_FILE: 1, UV_DIRENT_DIR: 2, UV_DIRENT_LINK: 3, UV_DIRENT_FIFO: 4,
  UV_DIRENT_SOCKET: 5, UV_DIRENT_CHAR: 6, UV_DIRENT_BLOCK: 7, EXTENSIONLESS_FORMAT_JAVASCRIPT: 0,
  EXTENSIONLESS_FORMAT_WASM: 1, S_IFMT: 61440, S_IFREG: 32768, S_IFDIR: 16384, S_IFCHR: 8192,
  S_IFBLK: 24576, S_IFIFO: 4096, S_IFLNK: 40960, S_IFSOCK: 49152, O_CREAT: 64, O_EXCL: 128,
  UV_FS_O_FILEMAP: 0, O_NOCTTY: 256, O_TRUNC: 512, O_APPEND: 1024, O_DIRECTORY: 65536,
  O_NOATIME: 262144, O_NOFOLLOW: 131072, O_SYNC: 1052672, O_DSYNC: 4096, O_DIRECT: 16384,
  O_NONBLOCK: 2048, S_IRWXU: 448, S_IRUSR: 256, S_IWUSR: 128, S_IXUSR: 64, S_IRWXG: 56,
  S_IRGRP: 32, S_IWGRP: 16, S_IXGRP: 8, S_IRWXO: 7, S_IROTH: 4, S_IWOTH: 2, S_IXOTH: 1, F_OK: 0,
  R_OK: 4, W_OK: 2, X_OK: 1, UV_FS_COPYFILE_EXCL: 1, COPYFILE_EXCL: 1, UV_FS_COPYFILE_FICLONE: 2,
  COPYFILE_FICLONE: 2, UV_FS_COPYFILE_FICLONE_FORCE: 4, COPYFILE_FICLONE_FORCE: 4,
};

function toPath(p, name) {
  if (typeof p === 'string') {
    if (p.includes('\u0000')) {
      throw invalidArgValue(name || 'path', p, 'must be a string, Uint8Array, or URL without null bytes');
    }
    return p;
  }
  if (p instanceof Uint8Array) return Buffer.from(p).toString();
  if (p !== null && typeof p === 'object' && p.href !== undefined && p.protocol === 'file:') {
    return decodeURIComponent(p.pathname);
  }
  throw invalidArgType(name || 'path', ['string', 'Buffer', 'URL'], p);
}

function getOptions(options, defaults) {
  if (options === undefined || options === null || typeof options === 'function') return Object.assign({}, defaults);
  if (typeof options === 'string') return Object.assign({}, defaults, { encoding: options });
  if (typeof options !== 'object') throw invalidArgType('options', ['string', 'Object'], options);
  return Object.assign({}, defaults, options);
}

function checkEncoding(enc) {
  if (enc === undefined || enc === null || enc === 'buffer') return;
  if (!Buffer.isEncoding(enc)) {
    throw invalidArgValue('encoding', enc, 'is invalid encoding');
  }
}

function decode(ab, encoding) {
  const buf = Buffer.from(ab);
  return encoding && encoding !== 'buffer' ? buf.toString(encoding) : buf;
}

function toData(data, encoding) {
  if (typeof data === 'string') return Buffer.from(data, encoding || 'utf8');
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  throw invalidArgType('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
}

function checkCallback(cb) {
  if (typeof cb !== 'function') throw invalidArgType('cb', 'function', cb);
}

function modeOf(mode, def) {
  if (mode === undefined || mode === null) return def;
  if (typeof mode === 'string') return parseInt(mode, 8);
  return mode | 0;
}

function flagsOf(flags) {
  if (typeof flags === 'number') return flags;
  switch (flags === undefined || flags === null ? 'r' : flags) {
    case 'r': case 'rs': case 'sr': return constants.O_RDONLY;
    case 'r+': case 'rs+': case 'sr+': return constants.O_RDWR;
    case 'w': return constants.O_TRUNC | constants.O_CREAT | constants.O_WRONLY;
    case 'wx': case 'xw': return constants.O_TRUNC | constants.O_CREAT | constants.O_WRONLY | constants.O_EXCL;
    case 'w+': return constants.O_TRUNC | constants.O_CREAT | constants.O_RDWR;
    case 'wx+': case 'xw+': return constants.O_TRUNC | constants.O_CREAT | constants.O_RDWR | constants.O_EXCL;
    case 'a': return constants.O_APPEND | constants.O_CREAT | constants.O_WRONLY;
    case 'ax': case 'xa': return constants.O_APPEND | constants.O_CREAT | constants.O_WRONLY | constants.O_EXCL;
    case 'a+': return constants.O_APPEND | constants.O_CREAT | constants.O_RDWR;
    case 'ax+': case 'xa+': return constants.O_APPEND | constants.O_CREAT | constants.O_RDWR | constants.O_EXCL;
  }
  throw invalidArgValue('flags', flags);
}

// then applies f to a binding result in both forms.
function then(cb, f) {
  if (cb === undefined) return undefined;
  return (err, res) => (err ? cb(err) : cb(null, f(res)));
}

class Stats {
  constructor(a) {
    this.dev = a[0]; this.mode = a[1]; this.nlink = a[2]; this.uid = a[3]; this.gid = a[4];
    this.rdev = a[5]; this.blksize = a[6]; this.ino = a[7]; this.size = a[8]; this.blocks = a[9];
    this.atimeMs = a[10]; this.mtimeMs = a[11]; this.ctimeMs = a[12]; this.birthtimeMs = a[13];
    this.atime = new Date(a[10]); this.mtime = new Date(a[11]);
    this.ctime = new Date(a[12]); this.birthtime = new Date(a[13]);
  }
  isFile() { return (this.mode & constants.S_IFMT) === constants.S_IFREG; }
  isDirectory() { return (this.mode & constants.S_IFMT) === constants.S_IFDIR; }
  isSymbolicLink() { return (this.mode & constants.S_IFMT) === constants.S_IFLNK; }
  isFIFO() { return (this.mode & constants.S_IFMT) === constants.S_IFIFO; }
  isSocket() { return (this.mode & constants.S_IFMT) === constants.S_IFSOCK; }
  isCharacterDevice() { return (this.mode & constants.S_IFMT) === constants.S_IFCHR; }
  isBlockDevice() { return (this.mode & constants.S_IFMT) === constants.S_IFBLK; }
}

class Dirent {
  constructor(name, type, path) {
    this.name = name;
    this.path = path;
    this[kType] = type;
  }
  isFile() { return this[kType] === 1; }
  isDirectory() { return this[kType] === 2; }
  isSymbolicLink() { return this[kType] === 3; }
  isFIFO() { return false; }
  isSocket() { return false; }
  isCharacterDevice() { return false; }
  isBlockDevice() { return false; }
}
const kType = Symbol('type');

// ---- the operations: impl(args, cb)

function readFileImpl([path, options], cb) {
  options = getOptions(options, { flag: 'r' });
  checkEncoding(options.encoding);
  const conv = (ab) => decode(ab, options.encoding);
  if (path === 0 || path === '/dev/stdin') {
    const r = binding.readStdin(then(cb, conv));
    return cb ? undefined : conv(r);
  }
  // node's int32 test: path | 0 also converts, so it throws for a symbol,
  // a bigint or a null-prototype object as node does.
  if (path === (path | 0)) return readFdAll(path, options, cb);
  const r = binding.readFile(toPath(path), then(cb, conv));
  return cb ? undefined : conv(r);
}

function readFdAll(fd, options, cb) {
  const chunks = [];
  const step = (err) => {
    if (err) return cb(err);
    const buf = Buffer.alloc(65536);
    binding.read(fd, buf, 0, buf.length, -1, (err2, n) => {
      if (err2) return cb(err2);
      if (n === 0) return cb(null, decode(Buffer.concat(chunks), options.encoding));
      chunks.push(buf.subarray(0, n));
      step();
    });
  };
  if (cb) return step();
  for (;;) {
    const buf = Buffer.alloc(65536);
    const n = binding.read(fd, buf, 0, buf.length, -1);
    if (n === 0) break;
    chunks.push(buf.subarray(0, n));
  }
  return decode(Buffer.concat(chunks), options.encoding);
}

function writeImpl(append) {
  return function ([path, data, options], cb) {
    options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: append ? 'a' : 'w' });
    const buf = toData(data, options.encoding);
    const flag = String(options.flag);
    if (typeof path === 'number') {
      const r = binding.write(path, buf, -1, then(cb, () => undefined));
      return cb ? undefined : void r;
    }
    if (flag === 'w' || flag === 'a' || (append && flag === 'a')) {
      binding.writeFile(toPath(path), buf, modeOf(options.mode, 0o666), append || flag === 'a', then(cb, () => undefined));
      return;
    }
    // Other flags ('wx', 'a+', ...): open, write, close.
    const p = toPath(path);
    const flags = flagsOf(flag);
    const mode = modeOf(options.mode, 0o666);
    if (!cb) {
      const fd = binding.open(p, flags, mode);
      try {
        binding.write(fd, buf, -1);
      } finally {
        binding.close(fd);
      }
      return;
    }
    binding.open(p, flags, mode, (err, fd) => {
      if (err) return cb(err);
      binding.write(fd, buf, -1, (err2) => binding.close(fd, (err3) => cb(err2 || err3 || null)));
    });
  };
}

function statImpl(follow) {
  return function ([path, options], cb) {
    options = getOptions(options, {});
    const p = toPath(path);
    if (!cb && options.throwIfNoEntry === false && !binding.exists(p) && follow) return undefined;
    const r = binding.stat(p, follow, then(cb, (a) => new Stats(a)));
    return cb ? undefined : new Stats(r);
  };
}

function fstatImpl([fd], cb) {
  const r = binding.fstat(fd, then(cb, (a) => new Stats(a)));
  return cb ? undefined : new Stats(r);
}

// readdirRecursive is node 20's recursive readdir: breadth first, names
// relative to the base (or Dirents whose path is their directory).
function readdirRecursive(base, options, cb) {
  const pathMod = require('path');
  const results = [];
  const queue = [base];
  const step = (dir, ents) => {
    for (const [name, type] of ents) {
      const full = pathMod.join(dir, name);
      results.push(options.withFileTypes ? new Dirent(name, type, dir) : pathMod.relative(base, full));
      if (type === 2) queue.push(full);
    }
  };
  if (!cb) {
    for (let i = 0; i < queue.length; i++) step(queue[i], binding.readdir(queue[i], true));
    return results;
  }
  let i = 0;
  const next = () => {
    if (i >= queue.length) return cb(null, results);
    const dir = queue[i++];
    binding.readdir(dir, true, (err, ents) => {
      if (err) return cb(err);
      step(dir, ents);
      next();
    });
  };
  next();
}

function readdirImpl([path, options], cb) {
  options = getOptions(options, { encoding: 'utf8', withFileTypes: false });
  const p = toPath(path);
  if (options.recursive) return readdirRecursive(p, options, cb);
  const conv = (list) => {
    if (!options.withFileTypes) {
      return options.encoding === 'buffer' ? list.map((n) => Buffer.from(n)) : list;
    }
    return list.map(([name, type]) => new Dirent(name, type, p));
  };
  const r = binding.readdir(p, !!options.withFileTypes, then(cb, conv));
  return cb ? undefined : conv(r);
}

function mkdirImpl([path, options], cb) {
  let mode = 0o777;
  let recursive = false;
  if (typeof options === 'number' || typeof options === 'string') mode = modeOf(options, 0o777);
  else if (options) {
    recursive = !!options.recursive;
    mode = modeOf(options.mode, 0o777);
  }
  return binding.mkdir(toPath(path), mode, recursive, then(cb, (x) => x));
}

function rmImpl([path, options], cb) {
  options = getOptions(options, {});
  return binding.rm(toPath(path), !!options.recursive, !!options.force, then(cb, () => undefined));
}

function rmdirImpl([path, options], cb) {
  options = getOptions(options, {});
  return binding.rmdir(toPath(path), !!options.recursive, then(cb, () => undefined));
}

function unlinkImpl([path], cb) {
  return binding.unlink(toPath(path), then(cb, () => undefined));
}

function renameImpl([from, to], cb) {
  return binding.rename(toPath(from, 'oldPath'), toPath(to, 'newPath'), then(cb, () => undefined));
}

function copyFileImpl([src, dst, mode], cb) {
  return binding.copyFile(toPath(src, 'src'), toPath(dst, 'dest'), ((mode | 0) & constants.COPYFILE_EXCL) !== 0,
    then(cb, () => undefined));
}

function accessImpl([path, mode], cb) {
  if (mode === undefined || mode === null || (mode | 0) === 0) {
    return binding.access(toPath(path), then(cb, () => undefined));
  }
  return binding.accessMode(toPath(path), mode | 0, then(cb, () => undefined));
}

function timeOf(t) {
  if (typeof t === 'number') return Number.isFinite(t) ? t : Date.now() / 1000;
  if (typeof t === 'string' && +t == t) return +t; // eslint-disable-line eqeqeq
  if (t instanceof Date) return t.getTime() / 1000;
  throw invalidArgType('time', ['Date', 'Time in seconds'], t); // node's words, 'an Time' included
}

function chmodImpl([path, mode], cb) {
  return binding.chmod(toPath(path), modeOf(mode, 0), then(cb, () => undefined));
}

function utimesImpl([path, atime, mtime], cb) {
  return binding.utimes(toPath(path), timeOf(atime), timeOf(mtime), then(cb, () => undefined));
}

function truncateImpl([path, len], cb) {
  if (typeof path === 'number') {
    const err = new TypeError('fs.truncate on a file descriptor is not supported by ebbnode; use a path');
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
  return binding.truncate(toPath(path), len === undefined || len === null ? 0 : Math.max(0, len | 0), then(cb, () => undefined));
}

function symlinkImpl([target, path], cb) {
  return binding.symlink(toPath(target, 'target'), toPath(path), then(cb, () => undefined));
}

function readlinkImpl([path, options], cb) {
  options = getOptions(options, { encoding: 'utf8' });
  const conv = (s) => (options.encoding === 'buffer' ? Buffer.from(s) : s);
  const r = binding.readlink(toPath(path), then(cb, conv));
  return cb ? undefined : conv(r);
}

function mkdtempImpl([prefix, options], cb) {
  if (typeof prefix !== 'string') throw invalidArgType('prefix', ['string', 'Buffer', 'URL'], prefix);
  return binding.mkdtemp(prefix, then(cb, (x) => x));
}

function cpImpl([src, dest, options], cb) {
  options = getOptions(options, { recursive: false, force: true, errorOnExist: false });
  return binding.cp(toPath(src, 'src'), toPath(dest, 'dest'), !!options.recursive, options.force !== false,
    !!options.errorOnExist, then(cb, () => undefined));
}

class Dir {
  constructor(path, entries) {
    this.path = path;
    this[kEntries] = entries;
    this[kClosed] = false;
  }
  readSync() {
    this._check();
    return this[kEntries].length > 0 ? this[kEntries].shift() : null;
  }
  read(cb) {
    if (typeof cb === 'function') {
      let res;
      try { res = this.readSync(); } catch (err) { process.nextTick(cb, err); return; }
      process.nextTick(cb, null, res);
      return;
    }
    return new Promise((resolve, reject) => this.read((err, res) => (err ? reject(err) : resolve(res))));
  }
  closeSync() {
    this._check();
    this[kClosed] = true;
  }
  close(cb) {
    let err = null;
    try { this.closeSync(); } catch (e) { err = e; }
    if (typeof cb === 'function') { process.nextTick(cb, err); return; }
    return err ? Promise.reject(err) : Promise.resolve();
  }
  _check() {
    if (this[kClosed]) {
      const err = new Error('Directory handle was closed');
      err.code = 'ERR_DIR_CLOSED';
      throw err;
    }
  }
  [Symbol.asyncIterator]() {
    const it = {
      next: () => this.read().then((value) => {
        if (value === null) { if (!this[kClosed]) this.closeSync(); return { value: undefined, done: true }; }
        return { value, done: false };
      }),
      return: () => { if (!this[kClosed]) this.closeSync(); return Promise.resolve({ value: undefined, done: true }); },
    };
    it[Symbol.asyncIterator] = () => it;
    return it;
  }
}
const kEntries = Symbol('entries');
const kClosed = Symbol('closed');


function openImpl([path, flags, mode], cb) {
  return binding.open(toPath(path), flagsOf(flags), modeOf(mode, 0o666), then(cb, (fd) => fd));
}

function closeImpl([fd], cb) {
  return binding.close(fd, then(cb, () => undefined));
}

function readImpl([fd, buffer, offset, length, position], cb) {
  if (buffer !== null && typeof buffer === 'object' && !ArrayBuffer.isView(buffer)) {
    ({ buffer, offset, length, position } = Object.assign({ buffer: Buffer.alloc(16384) }, buffer));
  }
  if (!ArrayBuffer.isView(buffer)) throw invalidArgType('buffer', ['Buffer', 'TypedArray', 'DataView'], buffer);
  const view = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  offset = offset === undefined || offset === null ? 0 : offset;
  if (length === undefined || length === null) length = view.length - offset;
  const pos = typeof position === 'number' && position >= 0 ? position : (typeof position === 'bigint' ? Number(position) : -1);
  return binding.read(fd, view, offset, length, pos, cb && ((err, n) => (err ? cb(err) : cb(null, n, buffer))));
}

function writeFdImpl([fd, data, a, b, c], cb) {
  let buf;
  let pos = -1;
  if (typeof data === 'string') {
    buf = Buffer.from(data, typeof b === 'string' ? b : 'utf8');
    if (typeof a === 'number') pos = a;
  } else {
    if (!ArrayBuffer.isView(data)) throw invalidArgType('buffer', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
    const view = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    const offset = typeof a === 'number' ? a : 0;
    const length = typeof b === 'number' ? b : view.length - offset;
    buf = view.subarray(offset, offset + length);
    if (typeof c === 'number') pos = c;
  }
  return binding.write(fd, buf, pos, cb && ((err, n) => (err ? cb(err) : cb(null, n, data))));
}

function realpathImpl([path, options], cb) {
  options = getOptions(options, { encoding: 'utf8' });
  const conv = (s) => (options.encoding === 'buffer' ? Buffer.from(s) : s);
  const r = binding.realpath(toPath(path), then(cb, conv));
  return cb ? undefined : conv(r);
}

// ---- exports: Sync, callback and promise forms from each impl.

const promises = {};

function define(name, impl, opts) {
  exports[name + 'Sync'] = function (...args) { return impl(args, undefined); };
  Object.defineProperty(exports[name + 'Sync'], 'name', { value: name + 'Sync' });
  exports[name] = function (...args) {
    const cb = args.pop();
    checkCallback(cb);
    impl(args, cb);
  };
  Object.defineProperty(exports[name], 'name', { value: name });
  if (!opts || !opts.noPromise) {
    promises[name] = function (...args) {
      return new Promise((resolve, reject) => {
        impl(args, (err, res) => (err ? reject(err) : resolve(res)));
      });
    };
  }
}

define('readFile', readFileImpl);
define('writeFile', writeImpl(false));
define('appendFile', writeImpl(true));
define('stat', statImpl(true));
define('lstat', statImpl(false));
define('fstat', fstatImpl, { noPromise: true });
define('readdir', readdirImpl);
define('mkdir', mkdirImpl);
define('rm', rmImpl);
define('rmdir', rmdirImpl);
define('unlink', unlinkImpl);
define('rename', renameImpl);
define('copyFile', copyFileImpl);
define('access', accessImpl);
define('open', openImpl, { noPromise: true });
define('close', closeImpl, { noPromise: true });
define('read', readImpl, { noPromise: true });
define('write', writeFdImpl, { noPromise: true });
define('realpath', realpathImpl);
define('chmod', chmodImpl);
define('utimes', utimesImpl);
define('truncate', truncateImpl);
define('symlink', symlinkImpl);
define('readlink', readlinkImpl);
define('mkdtemp', mkdtempImpl);
define('cp', cpImpl);
exports.opendirSync = function opendirSync(path) {
  const p = toPath(path);
  return new Dir(p, readdirImpl([p, { withFileTypes: true }], undefined));
};
exports.opendir = function opendir(path, options, cb) {
  if (typeof options === 'function') cb = options;
  checkCallback(cb);
  const p = toPath(path);
  readdirImpl([p, { withFileTypes: true }], (err, ents) => (err ? cb(err) : cb(null, new Dir(p, ents))));
};
promises.opendir = function opendir(path) {
  return new Promise((resolve, reject) => {
    const p = toPath(path);
    readdirImpl([p, { withFileTypes: true }], (err, ents) => (err ? reject(err) : resolve(new Dir(p, ents))));
  });
};
exports.Dir = Dir;
exports.realpathSync.native = exports.realpathSync;
exports.realpath.native = exports.realpath;

exports.existsSync = function existsSync(path) {
  try {
    return binding.exists(toPath(path));
  } catch {
    return false;
  }
};
exports.exists = function exists(path, cb) {
  checkCallback(cb);
  const ok = exports.existsSync(path);
  process.nextTick(cb, ok);
};

exports.constants = constants;
Object.assign(exports, { F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1 });
exports.Stats = Stats;
exports.Dirent = Dirent;
promises.constants = constants;
exports.promises = promises;
