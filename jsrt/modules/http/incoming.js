// incoming.js: IncomingMessage, a Readable over the parser's body chunks.
// When the reader falls behind, the socket is paused; _read resumes it.
const kHeaders = Symbol('kHeaders');
const kHeadersDistinct = Symbol('kHeadersDistinct');

function IncomingMessage(socket) {
  stream.Readable.call(this, { autoDestroy: false });
  this._readableState.readingMore = true;
  this.socket = socket;
  this.httpVersionMajor = null;
  this.httpVersionMinor = null;
  this.httpVersion = null;
  this.complete = false;
  this.rawHeaders = [];
  this.rawTrailers = [];
  this.joinDuplicateHeaders = false;
  this.aborted = false;
  this.upgrade = null;
  this.url = '';
  this.method = null;
  this.statusCode = null;
  this.statusMessage = null;
  this.client = socket;
  this[kHeaders] = null;
  this[kHeadersDistinct] = null;
  this._consuming = false;
  this._dumped = false;
}
Object.setPrototypeOf(IncomingMessage.prototype, stream.Readable.prototype);
Object.setPrototypeOf(IncomingMessage, stream.Readable);

const IM = IncomingMessage.prototype;

Object.defineProperty(IM, 'connection', { configurable: true, get() { return this.socket; }, set(v) { this.socket = v; } });
Object.defineProperty(IM, 'headers', {
  configurable: true,
  enumerable: true,
  get() {
    if (!this[kHeaders]) {
      this[kHeaders] = {};
      const raw = this.rawHeaders;
      for (let i = 0; i < raw.length; i += 2) addHeaderLine(raw[i], raw[i + 1], this[kHeaders]);
    }
    return this[kHeaders];
  },
  set(v) { this[kHeaders] = v; },
});
Object.defineProperty(IM, 'headersDistinct', {
  configurable: true,
  enumerable: true,
  get() {
    if (!this[kHeadersDistinct]) {
      const d = {};
      const raw = this.rawHeaders;
      for (let i = 0; i < raw.length; i += 2) {
        const k = raw[i].toLowerCase();
        (d[k] || (d[k] = [])).push(raw[i + 1]);
      }
      this[kHeadersDistinct] = d;
    }
    return this[kHeadersDistinct];
  },
});
Object.defineProperty(IM, 'trailers', { configurable: true, enumerable: true, get() { return {}; } });

IM.setTimeout = function (msecs, callback) {
  if (callback) this.on('timeout', callback);
  this.socket.setTimeout(msecs);
  return this;
};

IM._read = function () {
  if (!this._consuming) {
    this._readableState.readingMore = false;
    this._consuming = true;
  }
  const s = this.socket;
  if (s && s.readable && s.isPaused() && !s._httpUpgraded) s.resume();
};

IM._destroy = function (err, cb) {
  if (!this.readableEnded || !this.complete) {
    this.aborted = true;
    this.emit('aborted');
  }
  if (this.socket && !this.socket.destroyed && this.aborted) {
    this.socket.destroy(err);
    const cleanup = stream.finished(this.socket, (e) => {
      if (e && e.code === 'ERR_STREAM_PREMATURE_CLOSE') e = null;
      cleanup();
      process.nextTick(onDestroyError, this, e || err, cb);
    });
  } else {
    onDestroyError(this, err, cb);
  }
};

// onDestroyError passes err on only when someone listens for it, as node
// keeps an aborted request from crashing a server that never asked.
function onDestroyError(self, err, cb) {
  if (self.listenerCount('error') === 0) cb();
  else cb(err);
}

// _dump discards the rest of the body, so that the connection can carry
// the next message.
IM._dump = function () {
  if (!this._dumped) {
    this._dumped = true;
    this.removeAllListeners('data');
    this.resume();
  }
};

// _addBody is the parser's body callback.
function pushBody(msg, socket, buf) {
  if (msg._dumped) return;
  if (!msg.push(Buffer.from(buf)) && !socket.isPaused()) socket.pause();
}

function fillIncoming(msg, info) {
  msg.httpVersionMajor = info.versionMajor;
  msg.httpVersionMinor = info.versionMinor;
  msg.httpVersion = `${info.versionMajor}.${info.versionMinor}`;
  msg.rawHeaders = info.rawHeaders;
  msg.upgrade = info.upgrade;
  if (info.method !== undefined) { msg.method = info.method; msg.url = info.url; }
  if (info.statusCode !== undefined) { msg.statusCode = info.statusCode; msg.statusMessage = info.statusMessage; }
}
