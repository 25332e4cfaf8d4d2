// fs.createReadStream / fs.createWriteStream (node's internal/fs/streams)
// on the stream module: ReadStream is a stream.Readable whose _construct
// opens the file and whose _read reads highWaterMark bytes at a time;
// WriteStream is a stream.Writable over positional or appending writes.
// Both close the file in _destroy, after any read or write in flight.
// Then fs.promises.open's FileHandle. Appended to fs.js; shares its scope.

const EventEmitter = require('events');
const { Readable, Writable, finished } = require('stream');
const { errorOrDestroy } = require('stream')[Symbol.for('ebbnode.stream.internal')];
const { validateInteger, outOfRange } = require('internal/errors');

const kIoDone = Symbol('kIoDone');
const kIsPerformingIO = Symbol('kIsPerformingIO');

function openStream(stream, callback) {
  if (typeof stream.fd === 'number') {
    callback();
    return;
  }
  binding.open(stream.path, flagsOf(stream.flags), modeOf(stream.mode, 0o666), (er, fd) => {
    if (er) {
      callback(er);
      return;
    }
    stream.fd = fd;
    callback();
    stream.emit('open', stream.fd);
    stream.emit('ready');
  });
}

function closeStream(stream, err, cb) {
  if (!stream.fd && stream.fd !== 0) {
    cb(err);
    return;
  }
  const fd = stream.fd;
  stream.fd = null;
  binding.close(fd, (er) => cb(er || err));
}

function destroyStream(stream, err, cb) {
  if (stream[kIsPerformingIO]) stream.once(kIoDone, (er) => closeStream(stream, err || er, cb));
  else closeStream(stream, err, cb);
}

function validateStart(stream, start) {
  stream.start = start;
  stream.pos = undefined;
  if (start !== undefined) {
    validateInteger(start, 'start', 0);
    stream.pos = start;
  }
}

function ReadStream(path, options) {
  if (!(this instanceof ReadStream)) return new ReadStream(path, options);
  options = getOptions(options, {});
  if (options.highWaterMark === undefined) options.highWaterMark = 64 * 1024;
  if (options.fd == null) {
    this.fd = null;
    this.path = toPath(path);
    this.flags = options.flags === undefined ? 'r' : options.flags;
    this.mode = options.mode === undefined ? 0o666 : options.mode;
  } else {
    this.fd = options.fd;
  }
  options.autoDestroy = options.autoClose === undefined ? true : options.autoClose;
  validateStart(this, options.start);
  this.end = options.end === undefined ? Infinity : options.end;
  this.bytesRead = 0;
  this[kIsPerformingIO] = false;
  if (this.end !== Infinity) {
    validateInteger(this.end, 'end', 0);
    if (this.start !== undefined && this.start > this.end) {
      throw outOfRange('start', `<= "end" (here: ${this.end})`, this.start);
    }
  }
  Readable.call(this, options);
}
Object.setPrototypeOf(ReadStream.prototype, Readable.prototype);
Object.setPrototypeOf(ReadStream, Readable);

Object.defineProperty(ReadStream.prototype, 'autoClose', {
  get() { return this._readableState.autoDestroy; },
  set(val) { this._readableState.autoDestroy = val; },
});
Object.defineProperty(ReadStream.prototype, 'pending', {
  get() { return this.fd === null; },
  configurable: true,
});

ReadStream.prototype._construct = function (callback) { openStream(this, callback); };

ReadStream.prototype._read = function (n) {
  n = this.pos !== undefined ? Math.min(this.end - this.pos + 1, n) : Math.min(this.end - this.bytesRead + 1, n);
  if (n <= 0) {
    this.push(null);
    return;
  }
  const buf = Buffer.allocUnsafeSlow(n);
  this[kIsPerformingIO] = true;
  binding.read(this.fd, buf, 0, n, this.pos === undefined ? -1 : this.pos, (er, bytesRead) => {
    this[kIsPerformingIO] = false;
    if (this.destroyed) {
      this.emit(kIoDone, er);
      return;
    }
    if (er) {
      errorOrDestroy(this, er);
    } else if (bytesRead > 0) {
      if (this.pos !== undefined) this.pos += bytesRead;
      this.bytesRead += bytesRead;
      let out = buf;
      if (bytesRead !== buf.length) {
        out = Buffer.allocUnsafeSlow(bytesRead);
        buf.copy(out, 0, 0, bytesRead);
      }
      this.push(out);
    } else {
      this.push(null);
    }
  });
};

ReadStream.prototype._destroy = function (err, cb) { destroyStream(this, err, cb); };

ReadStream.prototype.close = function (cb) {
  if (typeof cb === 'function') finished(this, cb);
  this.destroy();
};

function WriteStream(path, options) {
  if (!(this instanceof WriteStream)) return new WriteStream(path, options);
  options = getOptions(options, {});
  options.decodeStrings = true;
  if (options.fd == null) {
    this.fd = null;
    this.path = toPath(path);
    this.flags = options.flags === undefined ? 'w' : options.flags;
    this.mode = options.mode === undefined ? 0o666 : options.mode;
  } else {
    this.fd = options.fd;
  }
  options.autoDestroy = options.autoClose === undefined ? true : options.autoClose;
  this.flush = options.flush == null ? false : options.flush;
  validateStart(this, options.start);
  this.bytesWritten = 0;
  this[kIsPerformingIO] = false;
  Writable.call(this, options);
  if (options.encoding) this.setDefaultEncoding(options.encoding);
}
Object.setPrototypeOf(WriteStream.prototype, Writable.prototype);
Object.setPrototypeOf(WriteStream, Writable);

Object.defineProperty(WriteStream.prototype, 'autoClose', {
  get() { return this._writableState.autoDestroy; },
  set(val) { this._writableState.autoDestroy = val; },
});
Object.defineProperty(WriteStream.prototype, 'pending', {
  get() { return this.fd === null; },
  configurable: true,
});

WriteStream.prototype._construct = function (callback) { openStream(this, callback); };

function writeAll(stream, data, cb) {
  stream[kIsPerformingIO] = true;
  binding.write(stream.fd, data, stream.pos === undefined ? -1 : stream.pos, (er, bytesWritten) => {
    stream[kIsPerformingIO] = false;
    if (stream.destroyed) {
      cb(er);
      stream.emit(kIoDone, er);
      return;
    }
    if (er) {
      cb(er);
      return;
    }
    stream.bytesWritten += bytesWritten;
    if (stream.pos !== undefined) stream.pos += bytesWritten;
    cb();
  });
}

WriteStream.prototype._write = function (data, encoding, cb) { writeAll(this, data, cb); };

WriteStream.prototype._writev = function (data, cb) {
  writeAll(this, Buffer.concat(data.map((d) => d.chunk)), cb);
};

WriteStream.prototype._destroy = function (err, cb) { destroyStream(this, err, cb); };

WriteStream.prototype.close = function (cb) {
  if (cb) {
    if (this.closed) {
      process.nextTick(cb);
      return;
    }
    this.on('close', cb);
  }
  if (!this.autoClose) this.on('finish', this.destroy);
  this.end();
};

WriteStream.prototype.destroySoon = WriteStream.prototype.end;

exports.createWriteStream = function createWriteStream(path, options) { return new WriteStream(path, options); };
exports.createReadStream = function createReadStream(path, options) { return new ReadStream(path, options); };
exports.WriteStream = WriteStream;
exports.ReadStream = ReadStream;

// fs.promises.open's FileHandle.
class FileHandle extends EventEmitter {
  constructor(fd) {
    super();
    this.fd = fd;
  }
  _call(impl, args) {
    return new Promise((resolve, reject) => impl(args, (err, res) => (err ? reject(err) : resolve(res))));
  }
  readFile(options) { return this._call(readFileImpl, [this.fd, options]); }
  writeFile(data, options) { return this._call(writeImpl(false), [this.fd, data, options]); }
  appendFile(data, options) { return this._call(writeImpl(true), [this.fd, data, options]); }
  stat() { return this._call(fstatImpl, [this.fd]); }
  read(buffer, offset, length, position) {
    if (buffer === undefined || (buffer !== null && typeof buffer === 'object' && !ArrayBuffer.isView(buffer))) {
      const o = buffer || {};
      buffer = o.buffer || Buffer.alloc(16384);
      offset = o.offset; length = o.length; position = o.position;
    }
    return new Promise((resolve, reject) => readImpl([this.fd, buffer, offset, length, position],
      (err, n) => (err ? reject(err) : resolve({ bytesRead: n, buffer }))));
  }
  write(data, a, b, c) {
    return new Promise((resolve, reject) => writeFdImpl([this.fd, data, a, b, c],
      (err, n) => (err ? reject(err) : resolve({ bytesWritten: n, buffer: data }))));
  }
  close() {
    if (this.fd === -1) return Promise.resolve();
    const fd = this.fd;
    this.fd = -1;
    return this._call(closeImpl, [fd]).then(() => { this.emit('close'); });
  }
}

promises.open = function open(path, flags, mode) {
  return new Promise((resolve, reject) => {
    openImpl([path, flags, mode], (err, fd) => (err ? reject(err) : resolve(new FileHandle(fd))));
  });
};
