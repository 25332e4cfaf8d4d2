'use strict';
// WHATWG URL and URLSearchParams, as node exposes them (node's URL follows
// the URL Standard). Parsing lives in parser.js, encoding and hosts in
// host.js.

const errors = require('internal/errors');
const {
  specialPorts, userinfoSet, formSet, percentEncode, percentDecodeBytes, toUSV, parseHost,
} = require('internal/url/host');
const { basicParse, serialize, serializePath, FAIL } = require('internal/url/parser');

function invalidURL(input, base) {
  const err = errors.makeNodeError(TypeError, 'ERR_INVALID_URL', 'Invalid URL');
  err.input = input;
  if (base !== undefined) err.base = base;
  return err;
}

// ---- URLSearchParams ----

function parseForm(input) {
  const list = [];
  for (const seq of input.split('&')) {
    if (seq === '') continue;
    const eq = seq.indexOf('=');
    const name = eq === -1 ? seq : seq.slice(0, eq);
    const value = eq === -1 ? '' : seq.slice(eq + 1);
    list.push([
      percentDecodeBytes(name.replace(/\+/g, ' ')).toString(),
      percentDecodeBytes(value.replace(/\+/g, ' ')).toString(),
    ]);
  }
  return list;
}

function serializeForm(list) {
  return list.map(([k, v]) => `${percentEncode(k, formSet, true)}=${percentEncode(v, formSet, true)}`).join('&');
}

// Private state lives in WeakMaps so instances carry no visible extra keys.
const lists = new WeakMap(); // URLSearchParams -> [[name, value], ...]
const owners = new WeakMap(); // URLSearchParams -> URL record it updates

class URLSearchParams {
  constructor(init = undefined) {
    lists.set(this, []);
    owners.set(this, null);
    if (init === undefined || init === null) return;
    if (typeof init === 'object' || typeof init === 'function') {
      if (typeof init[Symbol.iterator] === 'function') {
        for (const pair of init) {
          if ((typeof pair !== 'object' && typeof pair !== 'function') || pair === null ||
              typeof pair[Symbol.iterator] !== 'function') {
            throw errors.makeNodeError(TypeError, 'ERR_INVALID_TUPLE', 'Each query pair must be an iterable [name, value] tuple');
          }
          const arr = Array.from(pair);
          if (arr.length !== 2) {
            throw errors.makeNodeError(TypeError, 'ERR_INVALID_TUPLE', 'Each query pair must be an iterable [name, value] tuple');
          }
          lists.get(this).push([toUSV(arr[0]), toUSV(arr[1])]);
        }
      } else {
        for (const key of Reflect.ownKeys(init)) {
          if (typeof key !== 'string' || !Object.prototype.propertyIsEnumerable.call(init, key)) continue;
          lists.get(this).push([toUSV(key), toUSV(init[key])]);
        }
      }
    } else {
      let s = toUSV(init);
      if (s[0] === '?') s = s.slice(1);
      lists.set(this, parseForm(s));
    }
  }
  #update() {
    const url = owners.get(this);
    if (url === null) return;
    const s = serializeForm(lists.get(this));
    url.query = s === '' ? null : s;
  }
  get size() { return lists.get(this).length; }
  append(name, value) {
    if (arguments.length < 2) throw missingArgs('name', 'value');
    lists.get(this).push([toUSV(name), toUSV(value)]);
    this.#update();
  }
  delete(name, value) {
    if (arguments.length < 1) throw missingArgs('name');
    name = toUSV(name);
    if (value !== undefined) {
      value = toUSV(value);
      lists.set(this, lists.get(this).filter(([k, v]) => k !== name || v !== value));
    } else {
      lists.set(this, lists.get(this).filter(([k]) => k !== name));
    }
    this.#update();
  }
  get(name) {
    if (arguments.length < 1) throw missingArgs('name');
    name = toUSV(name);
    const e = lists.get(this).find(([k]) => k === name);
    return e === undefined ? null : e[1];
  }
  getAll(name) {
    if (arguments.length < 1) throw missingArgs('name');
    name = toUSV(name);
    return lists.get(this).filter(([k]) => k === name).map(([, v]) => v);
  }
  has(name, value) {
    if (arguments.length < 1) throw missingArgs('name');
    name = toUSV(name);
    if (value !== undefined) {
      value = toUSV(value);
      return lists.get(this).some(([k, v]) => k === name && v === value);
    }
    return lists.get(this).some(([k]) => k === name);
  }
  set(name, value) {
    if (arguments.length < 2) throw missingArgs('name', 'value');
    name = toUSV(name);
    value = toUSV(value);
    const list = lists.get(this);
    const i = list.findIndex(([k]) => k === name);
    if (i === -1) {
      list.push([name, value]);
    } else {
      list[i][1] = value;
      lists.set(this, list.filter(([k], j) => j <= i || k !== name));
    }
    this.#update();
  }
  sort() {
    // Array.prototype.sort is stable; compare by UTF-16 code units.
    lists.get(this).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    this.#update();
  }
  forEach(callback, thisArg = undefined) {
    errors.validateFunction(callback, 'callback');
    for (let i = 0; i < lists.get(this).length; i++) {
      const [k, v] = lists.get(this)[i];
      callback.call(thisArg, v, k, this);
    }
  }
  *entries() { for (const [k, v] of lists.get(this)) yield [k, v]; }
  *keys() { for (const [k] of lists.get(this)) yield k; }
  *values() { for (const [, v] of lists.get(this)) yield v; }
  [Symbol.iterator]() { return this.entries(); }
  toString() { return serializeForm(lists.get(this)); }
  get [Symbol.toStringTag]() { return 'URLSearchParams'; }
}

function missingArgs(...names) {
  const list = names.map((n) => `"${n}"`).join(' and ');
  return errors.makeNodeError(TypeError, 'ERR_MISSING_ARGS',
    `The ${list} argument${names.length > 1 ? 's' : ''} must be specified`);
}

// ---- URL ----

const records = new WeakMap(); // URL -> URL record
const params = new WeakMap(); // URL -> its URLSearchParams

function parseOrThrow(input, base) {
  let baseRecord = null;
  if (base !== undefined) {
    baseRecord = basicParse(toUSV(base), null);
    if (baseRecord === FAIL) throw invalidURL(`${input}`, `${base}`);
  }
  const rec = basicParse(toUSV(input), baseRecord);
  if (rec === FAIL) throw invalidURL(`${input}`, base === undefined ? undefined : `${base}`);
  return rec;
}

class URL {
  constructor(input, base = undefined) {
    if (arguments.length === 0) throw missingArgs('url');
    const rec = parseOrThrow(input, base);
    records.set(this, rec);
    const sp = new URLSearchParams(rec.query || '');
    owners.set(sp, rec);
    params.set(this, sp);
  }
  static canParse(input, base = undefined) {
    try {
      parseOrThrow(input, base);
      return true;
    } catch (e) {
      return false;
    }
  }
  get href() { return serialize(records.get(this)); }
  set href(value) {
    const rec = parseOrThrow(value);
    records.set(this, rec);
    lists.set(params.get(this), parseForm(rec.query || ''));
    owners.set(params.get(this), rec);
  }
  get origin() {
    const u = records.get(this);
    if (u.scheme === 'blob') {
      try {
        const inner = new URL(serializePath(u));
        if (inner.protocol === 'http:' || inner.protocol === 'https:') return inner.origin;
      } catch (e) { /* opaque origin */ }
      return 'null';
    }
    if (['ftp', 'http', 'https', 'ws', 'wss'].includes(u.scheme)) {
      return `${u.scheme}://${u.host}${u.port !== null ? `:${u.port}` : ''}`;
    }
    return 'null';
  }
  get protocol() { return `${records.get(this).scheme}:`; }
  set protocol(value) { basicParse(`${toUSV(value)}:`, null, records.get(this), 'scheme start'); }
  get username() { return records.get(this).username; }
  set username(value) {
    const u = records.get(this);
    if (u.host === null || u.host === '' || u.scheme === 'file') return;
    u.username = percentEncode(toUSV(value), userinfoSet);
  }
  get password() { return records.get(this).password; }
  set password(value) {
    const u = records.get(this);
    if (u.host === null || u.host === '' || u.scheme === 'file') return;
    u.password = percentEncode(toUSV(value), userinfoSet);
  }
  get host() {
    const u = records.get(this);
    if (u.host === null) return '';
    return u.port === null ? u.host : `${u.host}:${u.port}`;
  }
  set host(value) {
    const u = records.get(this);
    if (u.opaque) return;
    const copy = Object.assign({}, u);
    if (basicParse(toUSV(value), null, copy, 'host') !== FAIL) Object.assign(u, copy);
  }
  get hostname() { return records.get(this).host === null ? '' : records.get(this).host; }
  set hostname(value) {
    const u = records.get(this);
    if (u.opaque) return;
    const copy = Object.assign({}, u);
    if (basicParse(toUSV(value), null, copy, 'hostname') !== FAIL) Object.assign(u, copy);
  }
  get port() { return records.get(this).port === null ? '' : String(records.get(this).port); }
  set port(value) {
    const u = records.get(this);
    if (u.host === null || u.host === '' || u.scheme === 'file') return;
    value = toUSV(value);
    if (value === '') {
      u.port = null;
      return;
    }
    const copy = Object.assign({}, u);
    if (basicParse(value, null, copy, 'port') !== FAIL) Object.assign(u, copy);
  }
  get pathname() { return serializePath(records.get(this)); }
  set pathname(value) {
    const u = records.get(this);
    if (u.opaque) return;
    u.path = [];
    basicParse(toUSV(value), null, u, 'path start');
  }
  get search() {
    const q = records.get(this).query;
    return q === null || q === '' ? '' : `?${q}`;
  }
  set search(value) {
    const u = records.get(this);
    let s = toUSV(value);
    if (s === '') {
      u.query = null;
      lists.set(params.get(this), []);
      return;
    }
    if (s[0] === '?') s = s.slice(1);
    u.query = '';
    basicParse(s, null, u, 'query');
    lists.set(params.get(this), parseForm(s));
  }
  get searchParams() { return params.get(this); }
  get hash() {
    const f = records.get(this).fragment;
    return f === null || f === '' ? '' : `#${f}`;
  }
  set hash(value) {
    const u = records.get(this);
    let s = toUSV(value);
    if (s === '') {
      u.fragment = null;
      return;
    }
    if (s[0] === '#') s = s.slice(1);
    u.fragment = '';
    basicParse(s, null, u, 'fragment');
  }
  toString() { return this.href; }
  toJSON() { return this.href; }
  get [Symbol.toStringTag]() { return 'URL'; }
}

for (const C of [URL, URLSearchParams]) {
  for (const name of Object.getOwnPropertyNames(C.prototype)) {
    if (name === 'constructor') continue;
    const d = Object.getOwnPropertyDescriptor(C.prototype, name);
    d.enumerable = true;
    Object.defineProperty(C.prototype, name, d);
  }
}

function domainToASCII(domain) {
  if (arguments.length < 1) throw missingArgs('domain');
  const h = parseHost(`${domain}`, false);
  return h === null ? '' : h;
}

function domainToUnicode(domain) {
  if (arguments.length < 1) throw missingArgs('domain');
  const h = parseHost(`${domain}`, false);
  return h === null ? '' : internal.toUnicode(h);
}

module.exports = { URL, URLSearchParams, domainToASCII, domainToUnicode, percentEncode, formSet };
