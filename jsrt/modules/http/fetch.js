// fetch.js: the fetch globals (node 20's undici shapes) on the http
// client: Headers, FormData, Request, Response, fetch with redirects and
// AbortSignal. Bodies are read whole; Response.body is a small reader
// over the bytes, not a full WHATWG ReadableStream.
const http = require('http');
const { Buffer, Blob } = require('buffer');
const { URL, URLSearchParams } = require('url');

const kList = Symbol('headers list');
const kGuard = Symbol('guard');

function normalizeValue(v) { return String(v).replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, ''); }

function checkName(name) {
  if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name)) {
    throw new TypeError(`Headers.append: "${name}" is an invalid header name.`);
  }
}

class Headers {
  constructor(init = undefined) {
    this[kList] = new Map(); // lower-case name -> { name, values }
    this[kGuard] = 'none';
    if (init === undefined || init === null) return;
    if (typeof init !== 'object') throw new TypeError("Failed to construct 'Headers': The provided value is not of type '(record<ByteString, ByteString> or sequence<sequence<ByteString>>)'.");
    if (init instanceof Headers) {
      for (const [k, e] of init[kList]) this[kList].set(k, { name: e.name, values: e.values.slice() });
    } else if (typeof init[Symbol.iterator] === 'function') {
      for (const pair of init) {
        const p = [...pair];
        if (p.length !== 2) throw new TypeError('Headers constructor: expected name/value pair to be length 2, found ' + p.length + '.');
        this.append(p[0], p[1]);
      }
    } else {
      for (const k of Object.keys(init)) this.append(k, init[k]);
    }
  }

  append(name, value) {
    name = String(name);
    checkName(name);
    value = normalizeValue(value);
    const key = name.toLowerCase();
    const e = this[kList].get(key);
    if (e) e.values.push(value);
    else this[kList].set(key, { name, values: [value] });
  }

  set(name, value) {
    name = String(name);
    checkName(name);
    this[kList].set(name.toLowerCase(), { name, values: [normalizeValue(value)] });
  }

  delete(name) { this[kList].delete(String(name).toLowerCase()); }
  has(name) { return this[kList].has(String(name).toLowerCase()); }

  get(name) {
    const e = this[kList].get(String(name).toLowerCase());
    if (!e) return null;
    return e.values.join(', ');
  }

  getSetCookie() {
    const e = this[kList].get('set-cookie');
    return e ? e.values.slice() : [];
  }

  // Sorted by name, set-cookie once per value, as undici iterates.
  _sorted() {
    const out = [];
    for (const key of [...this[kList].keys()].sort()) {
      const e = this[kList].get(key);
      if (key === 'set-cookie') for (const v of e.values) out.push([key, v]);
      else out.push([key, e.values.join(', ')]);
    }
    return out;
  }

  forEach(cb, thisArg) {
    for (const [k, v] of this._sorted()) cb.call(thisArg, v, k, this);
  }

  entries() { return this._sorted()[Symbol.iterator](); }
  keys() { return this._sorted().map((e) => e[0])[Symbol.iterator](); }
  values() { return this._sorted().map((e) => e[1])[Symbol.iterator](); }
  [Symbol.iterator]() { return this.entries(); }
  get [Symbol.toStringTag]() { return 'Headers'; }

  // _raw lists name/value pairs for the wire, names as first given.
  _raw() {
    const out = [];
    for (const e of this[kList].values()) out.push([e.name, e.values.join(', ')]);
    return out;
  }
}

class FormData {
  constructor(form) {
    if (form !== undefined) throw new TypeError("Failed to construct 'FormData': parameter 1 is not of type 'HTMLFormElement'.");
    this._entries = [];
  }

  append(name, value, filename) { this._entries.push(formEntry(name, value, filename)); }
  set(name, value, filename) {
    const entry = formEntry(name, value, filename);
    const i = this._entries.findIndex((e) => e[0] === entry[0]);
    this._entries = this._entries.filter((e) => e[0] !== entry[0]);
    if (i === -1) this._entries.push(entry);
    else this._entries.splice(i, 0, entry);
  }

  get(name) { const e = this._entries.find((x) => x[0] === String(name)); return e ? e[1] : null; }
  getAll(name) { return this._entries.filter((x) => x[0] === String(name)).map((x) => x[1]); }
  has(name) { return this._entries.some((x) => x[0] === String(name)); }
  delete(name) { this._entries = this._entries.filter((x) => x[0] !== String(name)); }
  forEach(cb, thisArg) { for (const [k, v] of this._entries) cb.call(thisArg, v, k, this); }
  entries() { return this._entries.map((e) => [e[0], e[1]])[Symbol.iterator](); }
  keys() { return this._entries.map((e) => e[0])[Symbol.iterator](); }
  values() { return this._entries.map((e) => e[1])[Symbol.iterator](); }
  [Symbol.iterator]() { return this.entries(); }
  get [Symbol.toStringTag]() { return 'FormData'; }
}

function formEntry(name, value, filename) {
  name = String(name);
  if (value instanceof Blob) {
    const File = require('buffer').File;
    const fname = filename !== undefined ? String(filename) : (value.name !== undefined ? value.name : 'blob');
    if (!(File && value instanceof File) || filename !== undefined) value = new File([value], fname, { type: value.type });
    return [name, value];
  }
  return [name, String(value)];
}

let boundaryCounter = 0;
function nextBoundary() {
  boundaryCounter = (boundaryCounter + 1) % 1e11;
  return `----formdata-undici-0${String(Math.floor(Math.random() * 1e11)).padStart(11, '0')}`;
}

// extractBody turns a body init into bytes (a promise for Blob parts) and
// its default content type.
async function extractBody(body) {
  if (typeof body === 'string') return { bytes: Buffer.from(body, 'utf8'), type: 'text/plain;charset=UTF-8' };
  if (body instanceof URLSearchParams) return { bytes: Buffer.from(body.toString(), 'utf8'), type: 'application/x-www-form-urlencoded;charset=UTF-8' };
  if (body instanceof ArrayBuffer) return { bytes: Buffer.from(body.slice(0)), type: null };
  if (ArrayBuffer.isView(body)) return { bytes: Buffer.from(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength)), type: null };
  if (body instanceof Blob) return { bytes: Buffer.from(await body.arrayBuffer()), type: body.type || null };
  if (body instanceof FormData) {
    const boundary = nextBoundary();
    const parts = [];
    const esc = (s) => s.replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/"/g, '%22');
    for (const [name, value] of body._entries) {
      if (typeof value === 'string') {
        parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${esc(name)}"\r\n\r\n${value.replace(/\r(?!\n)|(?<!\r)\n/g, '\r\n')}\r\n`));
      } else {
        parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${esc(name)}"; filename="${esc(value.name)}"\r\nContent-Type: ${value.type || 'application/octet-stream'}\r\n\r\n`));
        parts.push(Buffer.from(await value.arrayBuffer()), Buffer.from('\r\n'));
      }
    }
    parts.push(Buffer.from(`--${boundary}--\r\n`));
    return { bytes: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
  }
  return { bytes: Buffer.from(String(body), 'utf8'), type: 'text/plain;charset=UTF-8' };
}

// Body is the mixin of Request and Response: the bytes (or a promise of
// them), read once.
const kBody = Symbol('body');
const kUsed = Symbol('bodyUsed');

function consume(self) {
  if (self[kUsed]) return Promise.reject(new TypeError('Body is unusable: Body has already been read'));
  self[kUsed] = true;
  return Promise.resolve(self[kBody]).then((b) => (b ? b.bytes : Buffer.alloc(0)));
}

const BodyMixin = {
  text() { return consume(this).then((b) => new TextDecoder().decode(b)); },
  json() { return this.text().then((t) => JSON.parse(t)); },
  arrayBuffer() { return consume(this).then((b) => b.buffer.slice(b.byteOffset, b.byteOffset + b.length)); },
  bytes() { return consume(this).then((b) => new Uint8Array(b)); },
  blob() {
    const type = this.headers.get('content-type') || '';
    return consume(this).then((b) => new Blob([b], { type }));
  },
  formData() {
    const type = this.headers.get('content-type') || '';
    return this.text().then((t) => {
      if (!/^application\/x-www-form-urlencoded/i.test(type)) throw new TypeError('Response.formData: unsupported content type');
      const fd = new FormData();
      for (const [k, v] of new URLSearchParams(t)) fd.append(k, v);
      return fd;
    });
  },
};

function defineBody(proto) {
  for (const k of Object.keys(BodyMixin)) Object.defineProperty(proto, k, { value: BodyMixin[k], writable: true, configurable: true });
  Object.defineProperty(proto, 'bodyUsed', { configurable: true, enumerable: true, get() { return !!this[kUsed]; } });
  Object.defineProperty(proto, 'body', {
    configurable: true,
    enumerable: true,
    get() {
      if (this[kBody] === null) return null;
      const self = this;
      let done = false;
      const reader = {
        read() {
          if (done) return Promise.resolve({ done: true, value: undefined });
          done = true;
          return consume(self).then((b) => (b.length ? { done: false, value: new Uint8Array(b) } : { done: true, value: undefined }));
        },
        releaseLock() {},
        cancel() { done = true; self[kUsed] = true; return Promise.resolve(); },
      };
      return {
        locked: false,
        getReader() { return reader; },
        cancel() { return reader.cancel(); },
        [Symbol.asyncIterator]() {
          return { next: () => reader.read(), return: () => reader.cancel().then(() => ({ done: true, value: undefined })) };
        },
      };
    },
  });
}

class Request {
  constructor(input, init = {}) {
    let base = {};
    if (input instanceof Request) {
      base = input;
      this.url = input.url;
    } else {
      let parsed;
      try { parsed = new URL(String(input)); } catch (e) {
        throw new TypeError(`Failed to parse URL from ${String(input)}`, { cause: e });
      }
      if (parsed.username || parsed.password) throw new TypeError(`Request cannot be constructed from a URL that includes credentials: ${String(input)}`);
      this.url = parsed.href;
    }
    let method = init.method !== undefined ? String(init.method) : (base.method || 'GET');
    if (/^(delete|get|head|options|post|put)$/i.test(method)) method = method.toUpperCase();
    if (/^(connect|trace|track)$/i.test(method)) throw new TypeError(`'${method}' HTTP method is unsupported.`);
    this.method = method;
    this.headers = new Headers(init.headers !== undefined ? init.headers : base.headers);
    this.redirect = init.redirect || base.redirect || 'follow';
    this.signal = init.signal || base.signal || new AbortController().signal;
    this.keepalive = !!init.keepalive;
    this.mode = 'cors';
    this.credentials = 'same-origin';
    this.cache = 'default';
    this.referrer = 'about:client';
    this.integrity = '';
    this.destination = '';
    const body = init.body !== undefined ? init.body : null;
    if (body !== null && (method === 'GET' || method === 'HEAD')) throw new TypeError('Request with GET/HEAD method cannot have body.');
    if (body !== null) {
      this[kBody] = extractBody(body).then((b) => b);
      this[kBody].catch(() => {});
      const type = syncBodyType(body);
      if (type && !this.headers.has('content-type')) this.headers.set('content-type', type);
    } else {
      this[kBody] = base[kBody] !== undefined ? base[kBody] : null;
    }
    this[kUsed] = false;
  }

  clone() {
    if (this[kUsed]) throw new TypeError('Request.clone: Body has already been consumed.');
    const r = new Request(this);
    r[kBody] = this[kBody];
    return r;
  }

  get [Symbol.toStringTag]() { return 'Request'; }
}
defineBody(Request.prototype);

// syncBodyType is the content type a body init implies, known before its
// bytes are (a FormData's boundary is chosen when it is serialised).
function syncBodyType(body) {
  if (typeof body === 'string') return 'text/plain;charset=UTF-8';
  if (body instanceof URLSearchParams) return 'application/x-www-form-urlencoded;charset=UTF-8';
  if (body instanceof Blob) return body.type || null;
  return null;
}

class Response {
  constructor(body = null, init = {}) {
    const status = init.status !== undefined ? init.status : 200;
    if (status < 200 || status > 599) throw new RangeError(`init["status"] must be in the range of 200 to 599, inclusive.`);
    this.status = status;
    this.statusText = init.statusText !== undefined ? String(init.statusText) : '';
    this.headers = new Headers(init.headers);
    this.type = 'default';
    this.url = '';
    this.redirected = false;
    if (body !== null && body !== undefined) {
      this[kBody] = extractBody(body);
      const type = syncBodyType(body);
      if (type && !this.headers.has('content-type')) this.headers.set('content-type', type);
      if (body instanceof FormData) {
        this[kBody] = this[kBody].then((b) => { if (!this.headers.has('content-type')) this.headers.set('content-type', b.type); return b; });
      }
    } else {
      this[kBody] = null;
    }
    this[kUsed] = false;
  }

  get ok() { return this.status >= 200 && this.status <= 299; }

  clone() {
    if (this[kUsed]) throw new TypeError('Response.clone: Body has already been consumed.');
    const r = new Response(null, { status: this.status === 0 ? 200 : this.status, statusText: this.statusText, headers: this.headers });
    r.status = this.status;
    r.type = this.type;
    r.url = this.url;
    r.redirected = this.redirected;
    r[kBody] = this[kBody];
    return r;
  }

  static error() {
    const r = new Response(null, { status: 200 });
    r.status = 0;
    r.type = 'error';
    return r;
  }

  static json(data, init = {}) {
    const r = new Response(JSON.stringify(data), init);
    r.headers.set('content-type', 'application/json');
    return r;
  }

  static redirect(url, status = 302) {
    if (![301, 302, 303, 307, 308].includes(status)) throw new RangeError(`Invalid status code ${status}`);
    const r = new Response(null, { status });
    r.headers.set('location', new URL(String(url)).href);
    return r;
  }

  get [Symbol.toStringTag]() { return 'Response'; }
}
defineBody(Response.prototype);

const fetchAgent = new http.Agent({ keepAlive: true, keepAliveMsecs: 4000, timeout: 4000 });

let tlsAgent = null;
function fetchAgentTLS() {
  if (!tlsAgent) tlsAgent = new (require('https').Agent)({ keepAlive: true, keepAliveMsecs: 4000, timeout: 4000 });
  return tlsAgent;
}

function abortReason(signal) {
  return signal.reason !== undefined ? signal.reason : new DOMException('This operation was aborted', 'AbortError');
}

function fetchFailed(cause) {
  return new TypeError('fetch failed', { cause });
}

function fetch(input, init = undefined) {
  let request;
  try {
    request = new Request(input, init || {});
  } catch (e) {
    return Promise.reject(e);
  }
  const signal = request.signal;
  if (signal.aborted) return Promise.reject(abortReason(signal));
  return Promise.resolve(request[kBody]).then((body) => new Promise((resolve, reject) => {
    fetchOnce(request, body, request.url, request.method, 0, signal, resolve, reject);
  }));
}

function fetchOnce(request, body, url, method, redirects, signal, resolve, reject) {
  if (signal.aborted) { reject(abortReason(signal)); return; }
  const u = new URL(url);
  const secure = u.protocol === 'https:';
  if (u.protocol !== 'http:' && !secure) {
    reject(fetchFailed(new Error('unknown scheme')));
    return;
  }
  const headers = [['host', u.host], ['connection', 'keep-alive']];
  for (const [k, v] of request.headers._raw()) if (!/^(host|connection)$/i.test(k)) headers.push([k, v]);
  if (body && !request.headers.has('content-type') && body.type) headers.push(['content-type', body.type]);
  const add = (k, v) => { if (!request.headers.has(k)) headers.push([k, v]); };
  add('accept', '*/*');
  add('accept-language', '*');
  add('sec-fetch-mode', 'cors');
  add('user-agent', 'node');
  add('accept-encoding', 'gzip, deflate');
  if (body) headers.push(['content-length', String(body.bytes.length)]);
  else if (method === 'POST' || method === 'PUT') headers.push(['content-length', '0']);
  const flat = [];
  for (const [k, v] of headers) flat.push(k, v);
  let settled = false;
  const onAbort = () => {
    if (settled) return;
    settled = true;
    req.destroy();
    reject(abortReason(signal));
  };
  const req = (secure ? require('https') : http).request({
    host: u.hostname.startsWith('[') ? u.hostname.slice(1, -1) : u.hostname,
    port: u.port || (secure ? 443 : 80),
    path: u.pathname + u.search,
    method,
    headers: flat,
    agent: secure ? fetchAgentTLS() : fetchAgent,
    setHost: false,
  }, (res) => {
    const status = res.statusCode;
    const location = res.headers.location;
    if ([301, 302, 303, 307, 308].includes(status) && location !== undefined && request.redirect !== 'manual') {
      res.resume();
      if (request.redirect === 'error') { settled = true; signal.removeEventListener('abort', onAbort); reject(fetchFailed(new Error('unexpected redirect'))); return; }
      if (redirects >= 20) { settled = true; signal.removeEventListener('abort', onAbort); reject(fetchFailed(new Error('redirect count exceeded'))); return; }
      let next = method;
      let nextBody = body;
      if (status === 303 && method !== 'GET' && method !== 'HEAD') { next = 'GET'; nextBody = null; }
      if ((status === 301 || status === 302) && method === 'POST') { next = 'GET'; nextBody = null; }
      settled = true;
      signal.removeEventListener('abort', onAbort);
      fetchOnce(request, nextBody, new URL(location, url).href, next, redirects + 1, signal, (r) => { r.redirected = true; resolve(r); }, reject);
      return;
    }
    const parts = [];
    res.on('data', (d) => parts.push(d));
    res.on('error', () => {});
    const response = new Response(null, { status: 200, statusText: res.statusMessage });
    response.status = status;
    response.type = 'basic';
    response.url = url;
    for (let i = 0; i < res.rawHeaders.length; i += 2) response.headers.append(res.rawHeaders[i], res.rawHeaders[i + 1]);
    response[kBody] = new Promise((res2, rej2) => {
      res.on('end', () => { signal.removeEventListener('abort', onAbort); res2({ bytes: Buffer.concat(parts), type: null }); });
      res.on('close', () => { if (!res.complete) rej2(abortReason(signal)); });
    });
    response[kBody].catch(() => {});
    if (method === 'HEAD' || status === 204 || status === 304) response[kBody] = null;
    settled = true;
    resolve(response);
  });
  req.on('error', (err) => {
    if (settled) return;
    settled = true;
    signal.removeEventListener('abort', onAbort);
    reject(fetchFailed(err));
  });
  signal.addEventListener('abort', onAbort, { once: true });
  req.end(body ? body.bytes : undefined);
}

module.exports = { fetch, Request, Response, Headers, FormData };
