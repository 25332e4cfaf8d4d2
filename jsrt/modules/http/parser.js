// parser.js: an incremental HTTP/1.1 parser. execute(buf) feeds bytes and
// calls the owner's hooks: onHeaders(info) (returns true to skip the
// body, as for a response to HEAD), onBody(buf), onComplete(). It returns
// a parse error (code and reason as llhttp names them) or null; after an
// error the parser takes no more input.
const kMaxHeaderSize = 16384;
const CRLF2 = Buffer.from('\r\n\r\n', 'latin1');
const CRLF = Buffer.from('\r\n', 'latin1');

function parseError(code, reason, bytesParsed, raw) {
  const e = new Error(`Parse Error: ${reason}`);
  e.bytesParsed = bytesParsed;
  e.code = code;
  e.reason = reason;
  e.rawPacket = raw;
  return e;
}

class HTTPParser {
  constructor(isRequest) {
    this.isRequest = isRequest;
    this.onHeaders = nop;
    this.onBody = nop;
    this.onComplete = nop;
    this.dead = false;
    this.upgraded = false;
    this.state = 'head';
    this.pending = null; // bytes of an unfinished head or line
    this.remaining = 0;
  }

  // execute parses buf; a parse error is returned, not thrown.
  execute(buf) {
    if (this.dead || this.upgraded) return null;
    try {
      this._run(buf);
      return null;
    } catch (e) {
      if (!e || !e.code || !String(e.code).startsWith('HPE_')) throw e;
      this.dead = true;
      e.rawPacket = buf;
      return e;
    }
  }

  // finish is the peer's end of input: a body read until close ends here;
  // a message cut short is an error.
  finish() {
    if (this.dead) return null;
    if (this.state === 'eof-body') { this.state = 'head'; this.onComplete(); return null; }
    if (this.state === 'head' && !this.pending) return null;
    this.dead = true;
    return parseError('HPE_INVALID_EOF_STATE', 'Invalid EOF state', 0, Buffer.alloc(0));
  }

  _take(buf) {
    if (this.pending) { buf = Buffer.concat([this.pending, buf]); this.pending = null; }
    return buf;
  }

  _run(buf) {
    while (buf.length > 0 && !this.dead && !this.upgraded) {
      switch (this.state) {
        case 'head':
          buf = this._head(buf);
          // The bytes after an upgrade's head belong to the new protocol.
          if (this.upgraded) this.upgradeHead = buf;
          break;
        case 'body-len': buf = this._bodyLen(buf); break;
        case 'chunk-size': buf = this._chunkSize(buf); break;
        case 'chunk-data': buf = this._chunkData(buf); break;
        case 'chunk-crlf': buf = this._chunkCRLF(buf); break;
        case 'trailers': buf = this._trailers(buf); break;
        case 'eof-body': this.onBody(buf); buf = buf.subarray(buf.length); break;
        default: return;
      }
    }
  }

  _head(buf) {
    buf = this._take(buf);
    // llhttp skips empty lines before a message.
    let start = 0;
    while (start + 1 < buf.length && buf[start] === 13 && buf[start + 1] === 10) start += 2;
    if (start === buf.length || (start + 1 === buf.length && buf[start] === 13)) {
      if (start < buf.length) this.pending = buf.subarray(start);
      return buf.subarray(buf.length);
    }
    buf = buf.subarray(start);
    this._checkStart(buf);
    const end = buf.indexOf(CRLF2);
    if (end === -1) {
      if (buf.length > kMaxHeaderSize) throw parseError('HPE_HEADER_OVERFLOW', 'Header overflow', buf.length, buf);
      this.pending = buf;
      return buf.subarray(buf.length);
    }
    if (end > kMaxHeaderSize) throw parseError('HPE_HEADER_OVERFLOW', 'Header overflow', end, buf);
    const info = this._parseHead(buf.toString('latin1', 0, end));
    const rest = buf.subarray(end + 4);
    this._startBody(info);
    return rest;
  }

  // _checkStart fails early on a request line whose method is unknown, as
  // llhttp does before the head is complete.
  _checkStart(buf) {
    if (!this.isRequest) return;
    const sp = buf.indexOf(32);
    const word = buf.toString('latin1', 0, sp === -1 ? Math.min(buf.length, 20) : sp);
    if (sp === -1 ? !METHODS.some((m) => m.startsWith(word)) : !methodSet.has(word)) {
      throw parseError('HPE_INVALID_METHOD', 'Invalid method encountered', 0, buf);
    }
  }

  _parseHead(head) {
    const lines = head.split('\r\n');
    const info = { rawHeaders: [], versionMajor: 1, versionMinor: 1 };
    let pos = lines[0].length + 2;
    if (this.isRequest) {
      const m = /^([A-Z-]+) ([^ ]+) (.*)$/.exec(lines[0]);
      if (!m || !methodSet.has(m[1])) throw parseError('HPE_INVALID_METHOD', 'Invalid method encountered', 0, null);
      info.method = m[1];
      info.url = m[2];
      this._version(info, m[3], m[1].length + m[2].length + 2);
    } else {
      const m = /^(HTTP\/[^ ]*) (\d{3})(?: (.*))?$/.exec(lines[0]);
      if (!m) throw parseError('HPE_INVALID_CONSTANT', 'Expected HTTP/', 0, null);
      this._version(info, m[1], 0);
      info.statusCode = Number(m[2]);
      info.statusMessage = m[3] || '';
    }
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i];
      if (line[0] === ' ' || line[0] === '\t') {
        throw parseError('HPE_UNEXPECTED_SPACE', 'Unexpected space after start line', pos, null);
      }
      const colon = line.indexOf(':');
      const name = colon === -1 ? line : line.slice(0, colon);
      if (colon === -1 || !checkIsHttpToken(name)) {
        throw parseError('HPE_INVALID_HEADER_TOKEN', 'Invalid header token', pos + Math.max(0, name.search(/[^\^_`a-zA-Z\-0-9!#$%&'*+.|~]/)), null);
      }
      const value = line.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, '');
      if (/[^\t\x20-\x7e\x80-\xff]/.test(value)) {
        throw parseError('HPE_INVALID_HEADER_TOKEN', 'Invalid header value char', pos + colon + 1, null);
      }
      info.rawHeaders.push(name, value);
      pos += line.length + 2;
    }
    return info;
  }

  _version(info, s, at) {
    if (!s.startsWith('HTTP/')) {
      throw parseError('HPE_INVALID_CONSTANT', 'Expected HTTP/, RTSP/ or ICE/', at, null);
    }
    const m = /^HTTP\/([0-9])\.([0-9])$/.exec(s);
    if (!m || !((m[1] === '1' && (m[2] === '0' || m[2] === '1')) || (m[1] === '0' && m[2] === '9') || (m[1] === '2' && m[2] === '0'))) {
      throw parseError('HPE_INVALID_VERSION', 'Invalid HTTP version', at + 5, null);
    }
    info.versionMajor = Number(m[1]);
    info.versionMinor = Number(m[2]);
  }

  // _startBody reads the framing headers, tells the owner, and picks how
  // the body is delimited.
  _startBody(info) {
    let contentLength = null;
    let chunked = false;
    let hasTE = false;
    let close = false;
    let keepAlive = false;
    let upgradeHeader = false;
    let connUpgrade = false;
    const raw = info.rawHeaders;
    for (let i = 0; i < raw.length; i += 2) {
      const name = raw[i].toLowerCase();
      const value = raw[i + 1];
      if (name === 'content-length') {
        if (!/^[0-9]+$/.test(value)) throw parseError('HPE_INVALID_CONTENT_LENGTH', 'Invalid character in Content-Length', 0, null);
        if (contentLength !== null) throw parseError('HPE_UNEXPECTED_CONTENT_LENGTH', 'Duplicate Content-Length', 0, null);
        contentLength = Number(value);
      } else if (name === 'transfer-encoding') {
        hasTE = true;
        const codings = value.split(',').map((s) => s.trim().toLowerCase());
        chunked = codings[codings.length - 1] === 'chunked';
      } else if (name === 'connection') {
        for (const t of value.split(',')) {
          const tok = t.trim().toLowerCase();
          if (tok === 'close') close = true;
          else if (tok === 'keep-alive') keepAlive = true;
          else if (tok === 'upgrade') connUpgrade = true;
        }
      } else if (name === 'upgrade') {
        upgradeHeader = true;
      }
    }
    if (hasTE && contentLength !== null) {
      throw parseError('HPE_INVALID_TRANSFER_ENCODING', "Transfer-Encoding can't be present with Content-Length", 0, null);
    }
    if (this.isRequest && hasTE && !chunked) {
      throw parseError('HPE_INVALID_TRANSFER_ENCODING', 'Request has invalid `Transfer-Encoding`', 0, null);
    }
    info.upgrade = this.isRequest ? (upgradeHeader && connUpgrade) || info.method === 'CONNECT' : info.statusCode === 101;
    const http11 = info.versionMajor === 1 && info.versionMinor === 1;
    info.shouldKeepAlive = http11 ? !close : keepAlive && !close;
    const noBody = !this.isRequest && ((info.statusCode >= 100 && info.statusCode < 200) || info.statusCode === 204 || info.statusCode === 304);
    if (!this.isRequest && !chunked && contentLength === null && !noBody) info.shouldKeepAlive = false;
    const skipBody = this.onHeaders(info);
    if (info.upgrade && (this.isRequest || skipBody === 'upgrade')) { this.upgraded = true; return; }
    if (skipBody || noBody) { this._complete(); return; }
    if (chunked) { this.state = 'chunk-size'; return; }
    if (contentLength !== null) {
      if (contentLength === 0) { this._complete(); return; }
      this.remaining = contentLength;
      this.state = 'body-len';
      return;
    }
    if (this.isRequest) { this._complete(); return; }
    this.state = 'eof-body';
  }

  _complete() {
    this.state = 'head';
    this.onComplete();
  }

  _bodyLen(buf) {
    const n = Math.min(this.remaining, buf.length);
    this.remaining -= n;
    this.onBody(buf.subarray(0, n));
    if (this.remaining === 0) this._complete();
    return buf.subarray(n);
  }

  _line(buf) {
    buf = this._take(buf);
    const end = buf.indexOf(CRLF);
    if (end === -1) {
      if (buf.length > kMaxHeaderSize) throw parseError('HPE_HEADER_OVERFLOW', 'Header overflow', 0, null);
      this.pending = buf;
      return null;
    }
    return { line: buf.toString('latin1', 0, end), rest: buf.subarray(end + 2) };
  }

  _chunkSize(buf) {
    const r = this._line(buf);
    if (!r) return buf.subarray(buf.length);
    const m = /^([0-9a-fA-F]+)[ \t]*(;.*)?$/.exec(r.line);
    if (!m) throw parseError('HPE_INVALID_CHUNK_SIZE', 'Invalid character in chunk size', 0, null);
    const size = parseInt(m[1], 16);
    if (size === 0) { this.state = 'trailers'; return r.rest; }
    this.remaining = size;
    this.state = 'chunk-data';
    return r.rest;
  }

  _chunkData(buf) {
    const n = Math.min(this.remaining, buf.length);
    this.remaining -= n;
    this.onBody(buf.subarray(0, n));
    if (this.remaining === 0) this.state = 'chunk-crlf';
    return buf.subarray(n);
  }

  _chunkCRLF(buf) {
    buf = this._take(buf);
    if (buf.length < 2) { this.pending = buf; return buf.subarray(buf.length); }
    if (buf[0] !== 13 || buf[1] !== 10) throw parseError('HPE_STRICT', 'Expected LF after chunk data', 0, null);
    this.state = 'chunk-size';
    return buf.subarray(2);
  }

  _trailers(buf) {
    const r = this._line(buf);
    if (!r) return buf.subarray(buf.length);
    if (r.line === '') this._complete(); // trailer fields, if any, are dropped
    return r.rest;
  }
}
