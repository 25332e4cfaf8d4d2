// fs.createReadStream / fs.createWriteStream and fs.promises.open's
// FileHandle. There is no 'stream' module yet, so the streams are
// EventEmitters with the parts of stream.Readable/Writable that scripts
// use on files: events, write/end, data/end, pipe, pause/resume, async
// iteration. Appended to fs.js; shares its scope.

const EventEmitter = require('events');

function nextTick(fn, ...args) { process.nextTick(fn, ...args); }

class WriteStream extends EventEmitter {
  constructor(path, options) {
    super();
    options = getOptions(options, { flags: 'w', encoding: 'utf8', mode: 0o666 });
    this.path = toPath(path);
    this.fd = typeof options.fd === 'number' ? options.fd : null;
    this.flags = options.flags;
    this.mode = options.mode;
    this.bytesWritten = 0;
    this.pending = this.fd === null;
    this.writable = true;
    this.destroyed = false;
    this._encoding = options.encoding;
    this._queue = [];
    this._busy = false;
    this._ending = false;
    this._finished = false;
    this._pos = typeof options.start === 'number' ? options.start : -1;
    if (this.fd === null) {
      binding.open(this.path, flagsOf(this.flags), modeOf(this.mode, 0o666), (err, fd) => {
        if (err) return this.destroy(err);
        this.fd = fd;
        this.pending = false;
        this.emit('open', fd);
        this.emit('ready');
        this._flush();
      });
    }
  }
  write(chunk, encoding, cb) {
    if (typeof encoding === 'function') { cb = encoding; encoding = undefined; }
    if (this._ending) {
      const err = new Error('write after end');
      err.code = 'ERR_STREAM_WRITE_AFTER_END';
      nextTick(() => { if (cb) cb(err); this.emit('error', err); });
      return false;
    }
    if (chunk === null) {
      const err = new TypeError('May not write null values to stream');
      err.code = 'ERR_STREAM_NULL_VALUES';
      throw err;
    }
    this._queue.push({ buf: toData(chunk, encoding || this._encoding), cb });
    this._flush();
    return true;
  }
  end(chunk, encoding, cb) {
    if (typeof chunk === 'function') { cb = chunk; chunk = undefined; }
    if (typeof encoding === 'function') { cb = encoding; encoding = undefined; }
    if (chunk !== undefined && chunk !== null) this.write(chunk, encoding);
    if (cb) this.once('finish', cb);
    this._ending = true;
    this.writable = false;
    this._flush();
    return this;
  }
  _flush() {
    if (this._busy || this.fd === null || this.destroyed) return;
    const item = this._queue.shift();
    if (item === undefined) {
      if (this._ending && !this._finished) {
        this._finished = true;
        this.emit('finish');
        this._close();
      }
      return;
    }
    this._busy = true;
    binding.write(this.fd, item.buf, this._pos, (err, n) => {
      this._busy = false;
      if (err) {
        if (item.cb) item.cb(err);
        return this.destroy(err);
      }
      this.bytesWritten += n;
      if (this._pos >= 0) this._pos += n;
      if (item.cb) item.cb(null);
      this._flush();
    });
  }
  _close() {
    if (this.fd === null) { nextTick(() => this.emit('close')); return; }
    const fd = this.fd;
    this.fd = null;
    binding.close(fd, () => this.emit('close'));
  }
  destroy(err) {
    if (this.destroyed) return this;
    this.destroyed = true;
    this.writable = false;
    nextTick(() => {
      if (err) this.emit('error', err);
      this._close();
    });
    return this;
  }
  close(cb) {
    if (cb) this.once('close', cb);
    if (!this._ending) this.end();
    return this;
  }
  cork() {}
  uncork() {}
  setDefaultEncoding(enc) { this._encoding = enc; return this; }
}

class ReadStream extends EventEmitter {
  constructor(path, options) {
    super();
    options = getOptions(options, { flags: 'r', highWaterMark: 64 * 1024 });
    this.path = toPath(path);
    this.fd = typeof options.fd === 'number' ? options.fd : null;
    this.flags = options.flags;
    this.bytesRead = 0;
    this.pending = this.fd === null;
    this.readable = true;
    this.destroyed = false;
    this._encoding = options.encoding || null;
    this._hwm = options.highWaterMark;
    this._pos = typeof options.start === 'number' ? options.start : -1;
    this._end = typeof options.end === 'number' ? options.end : Infinity;
    this._flowing = null;
    this._reading = false;
    this._ended = false;
    this.on('newListener', (ev) => {
      if (ev === 'data' && this._flowing !== false) nextTick(() => this.resume());
    });
    if (this.fd === null) {
      binding.open(this.path, flagsOf(this.flags), 0o666, (err, fd) => {
        if (err) return this.destroy(err);
        this.fd = fd;
        this.pending = false;
        this.emit('open', fd);
        this.emit('ready');
        this._read();
      });
    }
  }
  setEncoding(enc) { this._encoding = enc; return this; }
  pause() { this._flowing = false; return this; }
  resume() {
    this._flowing = true;
    this._read();
    return this;
  }
  isPaused() { return this._flowing === false; }
  _read() {
    if (!this._flowing || this._reading || this._ended || this.destroyed || this.fd === null) return;
    let n = this._hwm;
    if (this._pos >= 0 && this._end !== Infinity) n = Math.min(n, this._end - this._pos + 1);
    else if (this._end !== Infinity) n = Math.min(n, this._end - this.bytesRead + 1);
    if (n <= 0) return this._finish();
    const buf = Buffer.alloc(n);
    this._reading = true;
    binding.read(this.fd, buf, 0, n, this._pos, (err, got) => {
      this._reading = false;
      if (err) return this.destroy(err);
      if (got === 0) return this._finish();
      this.bytesRead += got;
      if (this._pos >= 0) this._pos += got;
      const chunk = buf.subarray(0, got);
      this.emit('data', this._encoding ? chunk.toString(this._encoding) : chunk);
      this._read();
    });
  }
  _finish() {
    if (this._ended) return;
    this._ended = true;
    this.readable = false;
    this.emit('end');
    this._close();
  }
  _close() {
    if (this.fd === null) { nextTick(() => this.emit('close')); return; }
    const fd = this.fd;
    this.fd = null;
    binding.close(fd, () => this.emit('close'));
  }
  destroy(err) {
    if (this.destroyed) return this;
    this.destroyed = true;
    this.readable = false;
    nextTick(() => {
      if (err) this.emit('error', err);
      this._close();
    });
    return this;
  }
  close(cb) {
    if (cb) this.once('close', cb);
    return this.destroy();
  }
  pipe(dest, options) {
    this.on('data', (c) => dest.write(c));
    if (!options || options.end !== false) {
      this.on('end', () => { if (dest !== process.stdout && dest !== process.stderr) dest.end(); });
    }
    return dest;
  }
  [Symbol.asyncIterator]() {
    const queue = [];
    const waiting = [];
    let done = false;
    let failure = null;
    const settle = () => {
      while (waiting.length > 0 && (queue.length > 0 || done || failure)) {
        const w = waiting.shift();
        if (queue.length > 0) w.resolve({ value: queue.shift(), done: false });
        else if (failure) w.reject(failure);
        else w.resolve({ value: undefined, done: true });
      }
    };
    this.on('data', (c) => { queue.push(c); settle(); });
    this.on('end', () => { done = true; settle(); });
    this.on('error', (e) => { failure = e; settle(); });
    const it = {
      next: () => new Promise((resolve, reject) => { waiting.push({ resolve, reject }); settle(); }),
      return: () => { this.destroy(); return Promise.resolve({ value: undefined, done: true }); },
    };
    it[Symbol.asyncIterator] = () => it;
    return it;
  }
}

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
