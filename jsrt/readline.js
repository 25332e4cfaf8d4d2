// A small readline: createInterface over any stream that emits 'data' and
// 'end' (process.stdin, fs.createReadStream), with 'line' and 'close'
// events, question(), prompt() and hand-made async iteration. Enough for
// scripts that read their input line by line; no terminal editing.
(function (requireCore) {
'use strict';

const EventEmitter = requireCore('events');
const { StringDecoder } = requireCore('string_decoder');
const lineEnding = /\r?\n|\r(?!\n)/g;

class Interface extends EventEmitter {
  constructor(input, output, completer, terminal) {
    super();
    let opts = input;
    if (!(input && typeof input.on === 'function' && input.input === undefined)) {
      opts = input || {};
    } else {
      opts = { input, output, completer, terminal };
    }
    this.input = opts.input;
    this.output = opts.output;
    this.terminal = false;
    this.line = '';
    this.closed = false;
    this._prompt = opts.prompt === undefined ? '> ' : String(opts.prompt);
    this._questions = [];
    this._buf = '';
    // crlfDelay as node: at least 100 ms.
    this.crlfDelay = opts.crlfDelay ? Math.max(100, opts.crlfDelay) : 100;
    this._sawReturnAt = 0;
    this._paused = false;
    this._decoder = new StringDecoder('utf8');
    if (this.input) {
      this._onData = (chunk) => this._write(typeof chunk === 'string' ? chunk : this._decoder.write(chunk));
      this._onEnd = () => {
        const rest = this._buf + this._decoder.end();
        this._buf = '';
        if (rest.length > 0) this._emitLine(rest);
        this.close();
      };
      this.input.on('data', this._onData);
      this.input.on('end', this._onEnd);
      if (typeof this.input.resume === 'function') this.input.resume();
    }
  }
  // _write splits as node's non-terminal readline does: a chunk ending in
  // \r ends its line at once, and a \n starting the next chunk within
  // crlfDelay ms is the rest of that \r\n, not an empty line.
  _write(s) {
    if (this._sawReturnAt && Date.now() - this._sawReturnAt <= this.crlfDelay) {
      if (s.charCodeAt(0) === 10) s = s.slice(1);
      this._sawReturnAt = 0;
    }
    lineEnding.lastIndex = 0;
    if (!lineEnding.test(s)) {
      this._buf += s;
      return;
    }
    s = this._buf + s;
    this._buf = '';
    this._sawReturnAt = s.endsWith('\r') ? Date.now() : 0;
    lineEnding.lastIndex = 0;
    let start = 0;
    let m;
    const lines = [];
    while ((m = lineEnding.exec(s)) !== null) {
      lines.push(s.slice(start, m.index));
      start = lineEnding.lastIndex;
    }
    this._buf = s.slice(start);
    for (const line of lines) {
      if (this.closed) break;
      this._emitLine(line);
    }
  }
  _emitLine(line) {
    const q = this._questions.shift();
    if (q) q(line);
    else this.emit('line', line);
  }
  setPrompt(p) { this._prompt = String(p); }
  getPrompt() { return this._prompt; }
  prompt() { if (this.output) this.output.write(this._prompt); }
  question(query, options, cb) {
    if (typeof options === 'function') cb = options;
    if (this.closed) {
      const err = new Error('readline was closed');
      err.code = 'ERR_USE_AFTER_CLOSE';
      throw err;
    }
    if (this.output) this.output.write(String(query));
    this._questions.push(cb);
  }
  write(data) { if (data != null) this._write(String(data)); }
  pause() { this._paused = true; this.emit('pause'); return this; }
  resume() { this._paused = false; this.emit('resume'); return this; }
  close() {
    if (this.closed) return;
    this.closed = true;
    if (this.input) {
      this.input.removeListener('data', this._onData);
      this.input.removeListener('end', this._onEnd);
      if (typeof this.input.pause === 'function') this.input.pause();
    }
    this.emit('close');
  }
  [Symbol.asyncIterator]() {
    const queue = [];
    const waiting = [];
    let done = this.closed;
    const settle = () => {
      while (waiting.length > 0 && (queue.length > 0 || done)) {
        const w = waiting.shift();
        if (queue.length > 0) w({ value: queue.shift(), done: false });
        else w({ value: undefined, done: true });
      }
    };
    this.on('line', (l) => { queue.push(l); settle(); });
    this.on('close', () => { done = true; settle(); });
    const it = {
      next: () => new Promise((resolve) => { waiting.push(resolve); settle(); }),
      return: () => { this.close(); return Promise.resolve({ value: undefined, done: true }); },
    };
    it[Symbol.asyncIterator] = () => it;
    return it;
  }
}

function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

const promises = {
  Interface,
  createInterface(...args) {
    const rl = createInterface(...args);
    const question = rl.question.bind(rl);
    rl.question = (query, options) => new Promise((resolve) => question(query, options, resolve));
    return rl;
  },
};

return {
  Interface, createInterface, promises,
  clearLine(stream, dir, cb) { if (cb) process.nextTick(cb); return true; },
  clearScreenDown(stream, cb) { if (cb) process.nextTick(cb); return true; },
  cursorTo(stream, x, y, cb) { if (typeof y === 'function') cb = y; if (cb) process.nextTick(cb); return true; },
  moveCursor(stream, dx, dy, cb) { if (cb) process.nextTick(cb); return true; },
  emitKeypressEvents() {},
};
})
