'use strict';
// node's 'tty': isatty, ReadStream and WriteStream (see tty.go).

const EventEmitter = require('events');
const errors = require('internal/errors');
const { makeNodeError } = errors;

function isatty(fd) {
  return Number.isInteger(fd) && fd >= 0 && fd <= 2147483647 && internal.isatty(fd);
}

function checkFd(fd) {
  if (!Number.isInteger(fd) || fd < 0 || fd > 2147483647) {
    throw makeNodeError(RangeError, 'ERR_INVALID_FD', `"fd" must be a positive integer: ${fd}`);
  }
}

// The fd lives on node's handle, not on the stream.
const kFd = Symbol('kFd');

function initFailed() {
  const err = new Error('TTY initialization failed: uv_tty_init returned EINVAL (invalid argument)');
  err.name = 'SystemError';
  err.code = 'ERR_TTY_INIT_FAILED';
  return err;
}

class ReadStream extends EventEmitter {
  constructor(fd, options) {
    checkFd(fd);
    if (!internal.canInit(fd)) throw initFailed();
    super();
    Object.defineProperty(this, kFd, { value: fd });
    this.isRaw = false;
  }
  // setRawMode on a pipe fails in node too (it is no terminal).
  setRawMode(flag) {
    flag = !!flag;
    const err = internal.setRawMode(this[kFd], flag);
    if (err !== '') {
      // node's errno exception, as for a pipe: "setRawMode ENOTTY".
      const e = new Error(`setRawMode ${err}`);
      e.errno = err === 'ENOTTY' ? -25 : -5;
      e.code = err;
      e.syscall = 'setRawMode';
      throw e;
    }
    if (flag && !restoreHooked) {
      // As node: leaving the terminal raw at exit would break the shell.
      restoreHooked = true;
      const fd = this[kFd];
      process.on('exit', () => internal.setRawMode(fd, false));
    }
    this.isRaw = flag;
    return this;
  }
}
ReadStream.prototype.isTTY = true;
let restoreHooked = false;

class WriteStream extends EventEmitter {
  constructor(fd) {
    checkFd(fd);
    if (!internal.canInit(fd)) throw initFailed();
    super();
    Object.defineProperty(this, kFd, { value: fd });
    this._type = 'tty';
    const size = internal.size(fd);
    if (size !== null) {
      this.columns = size[0];
      this.rows = size[1];
    }
  }
  write(chunk, encoding, cb) {
    if (this[kFd] === 1) return process.stdout.write(chunk, encoding, cb);
    if (this[kFd] === 2) return process.stderr.write(chunk, encoding, cb);
    require('fs').writeSync(this[kFd], chunk);
    if (typeof encoding === 'function') process.nextTick(encoding);
    else if (typeof cb === 'function') process.nextTick(cb);
    return true;
  }
  _refreshSize() {
    const size = internal.size(this[kFd]);
    if (size === null) return;
    const changed = size[0] !== this.columns || size[1] !== this.rows;
    this.columns = size[0];
    this.rows = size[1];
    if (changed) this.emit('resize');
  }
  getWindowSize() { return [this.columns, this.rows]; }
  getColorDepth(env = process.env) { return colorDepth(env); }
  hasColors(count, env) {
    if (env === undefined && (count === undefined || (typeof count === 'object' && count !== null))) {
      env = count;
      count = 16;
    }
    errors.validateInteger(count, 'count', 2);
    return count <= 2 ** colorDepth(env === undefined ? process.env : env);
  }
  cursorTo(x, y, cb) { return this.write(cursorTo(x, y), cb); }
  moveCursor(dx, dy, cb) { return this.write(moveCursor(dx, dy), cb); }
  clearLine(dir, cb) { return this.write(dir < 0 ? '\x1b[1K' : dir > 0 ? '\x1b[0K' : '\x1b[2K', cb); }
  clearScreenDown(cb) { return this.write('\x1b[0J', cb); }
}
WriteStream.prototype.isTTY = true;

function cursorTo(x, y) {
  if (typeof y !== 'number') return `\x1b[${x + 1}G`;
  return `\x1b[${y + 1};${x + 1}H`;
}

function moveCursor(dx, dy) {
  let s = '';
  if (dx < 0) s += `\x1b[${-dx}D`;
  else if (dx > 0) s += `\x1b[${dx}C`;
  if (dy < 0) s += `\x1b[${-dy}A`;
  else if (dy > 0) s += `\x1b[${dy}B`;
  return s;
}

// Colour depth from the environment, by node's rules (lib/internal/tty.js):
// FORCE_COLOR, then the switches that turn colour off, then what the CI,
// the terminal program and TERM say.
const termDepths = {
  eterm: 4, cons25: 4, console: 4, cygwin: 4, dtterm: 4, gnome: 4, hurd: 4, jfbterm: 4, konsole: 4,
  kterm: 4, mlterm: 4, mosh: 24, putty: 4, st: 4, 'rxvt-unicode-24bit': 24, terminator: 24,
};
const termPatterns = [/ansi/, /color/, /linux/, /^con[0-9]*x[0-9]/, /^rxvt/, /^screen/, /^xterm/, /^vt100/];
const ciNames = ['APPVEYOR', 'BUILDKITE', 'CIRCLECI', 'DRONE', 'GITHUB_ACTIONS', 'GITLAB_CI', 'TRAVIS'];

function colorDepth(env) {
  if (env.FORCE_COLOR !== undefined) {
    switch (env.FORCE_COLOR) {
      case '': case '1': case 'true': return 4;
      case '2': return 8;
      case '3': return 24;
      default: return 1;
    }
  }
  if (env.NODE_DISABLE_COLORS !== undefined || env.NO_COLOR !== undefined || env.TERM === 'dumb') return 1;
  if (env.TMUX) return 8;
  if (env.CI) return ciNames.some((n) => n in env) || env.CI_NAME === 'codeship' ? 8 : 1;
  if ('TEAMCITY_VERSION' in env) return /^(9\.(0*[1-9]\d*)\.|\d{2,}\.)/.test(env.TEAMCITY_VERSION) ? 4 : 1;
  switch (env.TERM_PROGRAM) {
    case 'iTerm.app':
      return !env.TERM_PROGRAM_VERSION || /^[0-2]\./.test(env.TERM_PROGRAM_VERSION) ? 8 : 24;
    case 'HyperTerm': case 'MacTerm': return 24;
    case 'Apple_Terminal': return 8;
  }
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 24;
  if (env.TERM) {
    if (/^xterm-256/.test(env.TERM)) return 8;
    const term = env.TERM.toLowerCase();
    if (termDepths[term]) return termDepths[term];
    if (termPatterns.some((re) => re.test(term))) return 4;
  }
  if (env.COLORTERM) return 4;
  return 1;
}

module.exports = { isatty, ReadStream, WriteStream };
