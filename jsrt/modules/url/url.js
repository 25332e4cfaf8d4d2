'use strict';
// node's 'url': WHATWG URL/URLSearchParams (Go, from goja_nodejs) plus
// fileURLToPath/pathToFileURL and the legacy parse/format/resolve.

const errors = require('internal/errors');
const querystring = require('querystring');
const pathModule = require('path');
const { URL, URLSearchParams, domainToASCII, domainToUnicode } = require('internal/url');
const customInspect = Symbol.for('nodejs.util.inspect.custom');

// node prints URLs as their components (the accessors live on the prototype).
Object.defineProperty(URL.prototype, customInspect, {
  configurable: true,
  writable: true,
  value: function (depth, options, inspect) {
    const obj = {
      href: this.href, origin: this.origin, protocol: this.protocol, username: this.username,
      password: this.password, host: this.host, hostname: this.hostname, port: this.port,
      pathname: this.pathname, search: this.search, searchParams: this.searchParams, hash: this.hash,
    };
    if (depth < 0) return '[URL]';
    return `URL ${inspect(obj, Object.assign({}, options, { depth }))}`;
  },
});
Object.defineProperty(URLSearchParams.prototype, customInspect, {
  configurable: true,
  writable: true,
  value: function (depth, options, inspect) {
    if (depth < 0) return '[URLSearchParams]';
    const parts = [];
    for (const [k, v] of this) parts.push(`${inspect(k)} => ${inspect(v)}`);
    if (parts.length === 0) return 'URLSearchParams {}';
    const one = `URLSearchParams { ${parts.join(', ')} }`;
    if (one.length <= 80) return one;
    return `URLSearchParams {\n  ${parts.join(',\n  ')} }`;
  },
});

function fileURLToPath(path) {
  let u = path;
  if (typeof path === 'string') u = new URL(path);
  else if (!(path instanceof URL)) throw errors.invalidArgType('path', 'string or an instance of URL', path);
  if (u.protocol !== 'file:') {
    throw errors.makeNodeError(TypeError, 'ERR_INVALID_URL_SCHEME', 'The URL must be of scheme file');
  }
  if (u.hostname !== '' && u.hostname !== 'localhost') {
    throw errors.makeNodeError(TypeError, 'ERR_INVALID_FILE_URL_HOST',
      'File URL host must be "localhost" or empty on linux');
  }
  const pathname = u.pathname;
  for (let n = 0; n < pathname.length; n++) {
    if (pathname[n] === '%') {
      const third = pathname.codePointAt(n + 2) | 0x20;
      if (pathname[n + 1] === '2' && third === 102) {
        throw errors.makeNodeError(TypeError, 'ERR_INVALID_FILE_URL_PATH',
          'File URL path must not include encoded / characters');
      }
    }
  }
  return decodeURIComponent(pathname);
}

function pathToFileURL(filepath) {
  errors.validateString(filepath, 'path');
  let resolved = pathModule.resolve(filepath);
  if (filepath.endsWith('/') && !resolved.endsWith('/')) resolved += '/';
  const encoded = resolved
    .replace(/%/g, '%25')
    .replace(/\\/g, '%5C')
    .replace(/\n/g, '%0A')
    .replace(/\r/g, '%0D')
    .replace(/\t/g, '%09')
    .replace(/\?/g, '%3F')
    .replace(/#/g, '%23');
  return new URL(`file://${encoded}`);
}

function urlToHttpOptions(url) {
  const options = {
    protocol: url.protocol,
    hostname: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
    hash: url.hash,
    search: url.search,
    pathname: url.pathname,
    path: `${url.pathname || ''}${url.search || ''}`,
    href: url.href,
  };
  if (url.port !== '') options.port = Number(url.port);
  if (url.username || url.password) {
    options.auth = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  }
  return options;
}

// ---- legacy API ----

function Url() {
  this.protocol = null;
  this.slashes = null;
  this.auth = null;
  this.host = null;
  this.port = null;
  this.hostname = null;
  this.hash = null;
  this.search = null;
  this.query = null;
  this.pathname = null;
  this.path = null;
  this.href = null;
}

const slashedProtocol = new Set(['http', 'http:', 'https', 'https:', 'ftp', 'ftp:', 'gopher', 'gopher:', 'file', 'file:', 'ws', 'ws:', 'wss', 'wss:']);
const hostlessProtocol = new Set(['javascript', 'javascript:']);

Url.prototype.parse = function parse(url, parseQueryString, slashesDenoteHost) {
  errors.validateString(url, 'url');
  let rest = url.trim();
  const protoMatch = /^[a-z0-9.+-]+:/i.exec(rest);
  let lowerProto;
  if (protoMatch) {
    lowerProto = protoMatch[0].toLowerCase();
    this.protocol = lowerProto;
    rest = rest.slice(protoMatch[0].length);
  }
  let slashes;
  if (slashesDenoteHost || protoMatch || /^\/\/[^@/]+@[^@/]+/.test(rest)) {
    slashes = rest.startsWith('//');
    if (slashes && !(protoMatch && hostlessProtocol.has(lowerProto))) {
      rest = rest.slice(2);
      this.slashes = true;
    }
  }
  if (!hostlessProtocol.has(lowerProto) &&
      (slashes || (protoMatch && !slashedProtocol.has(lowerProto)))) {
    let hostEnd = rest.search(/[/?#\\]/);
    if (hostEnd === -1) hostEnd = rest.length;
    let hostPart = rest.slice(0, hostEnd);
    const at = hostPart.lastIndexOf('@');
    if (at !== -1) {
      this.auth = decodeURIComponent(hostPart.slice(0, at));
      hostPart = hostPart.slice(at + 1);
    }
    rest = rest.slice(hostEnd);
    let hostname = hostPart;
    const portMatch = /:([0-9]*)$/.exec(hostname);
    if (portMatch) {
      if (portMatch[1] !== '') this.port = portMatch[1];
      hostname = hostname.slice(0, hostname.length - portMatch[0].length);
    }
    const ipv6 = hostname.startsWith('[') && hostname.endsWith(']');
    if (ipv6) hostname = hostname.slice(1, -1);
    this.hostname = hostname.toLowerCase();
    this.host = (ipv6 ? `[${this.hostname}]` : this.hostname) + (this.port ? `:${this.port}` : '');
  }
  // Characters node escapes in the remaining path.
  rest = rest.replace(/[\t\n\r "'<>\\^`{|}]/g, (c) => (c === '\\' ? '/' : encodeURIComponent(c)));
  const hashIdx = rest.indexOf('#');
  if (hashIdx !== -1) {
    this.hash = rest.slice(hashIdx);
    rest = rest.slice(0, hashIdx);
  }
  const qIdx = rest.indexOf('?');
  if (qIdx !== -1) {
    this.search = rest.slice(qIdx);
    this.query = rest.slice(qIdx + 1);
    if (parseQueryString) this.query = querystring.parse(this.query);
    rest = rest.slice(0, qIdx);
  } else if (parseQueryString) {
    this.search = null;
    this.query = Object.create(null);
  }
  const firstIdx = rest.length;
  if (firstIdx > 0) this.pathname = rest;
  if (slashedProtocol.has(lowerProto) && this.hostname && !this.pathname) this.pathname = '/';
  if (this.pathname || this.search) {
    this.path = (this.pathname || '') + (this.search || '');
  }
  this.href = this.format();
  return this;
};

Url.prototype.format = function format() {
  let auth = this.auth || '';
  if (auth) auth = `${encodeURIComponent(auth).replace(/%3A/i, ':')}@`;
  let protocol = this.protocol || '';
  let pathname = this.pathname || '';
  let hash = this.hash || '';
  let host = '';
  let query = '';
  if (this.host) {
    host = auth + this.host;
  } else if (this.hostname) {
    host = auth + (this.hostname.includes(':') && !this.hostname.startsWith('[') ?
      `[${this.hostname}]` : this.hostname);
    if (this.port) host += `:${this.port}`;
  }
  if (this.query !== null && typeof this.query === 'object') query = querystring.stringify(this.query);
  let search = this.search || (query && `?${query}`) || '';
  if (protocol && !protocol.endsWith(':')) protocol += ':';
  pathname = pathname.replace(/[?#]/g, (c) => encodeURIComponent(c));
  if (this.slashes || slashedProtocol.has(protocol)) {
    if (this.slashes || host) {
      if (pathname && pathname[0] !== '/') pathname = `/${pathname}`;
      host = `//${host}`;
    } else if (protocol.length >= 4 && protocol.startsWith('file')) {
      host = '//';
    }
  }
  search = search.replace(/#/g, '%23');
  if (hash && hash[0] !== '#') hash = `#${hash}`;
  if (search && search[0] !== '?') search = `?${search}`;
  return protocol + host + pathname + search + hash;
};

function urlParse(url, parseQueryString, slashesDenoteHost) {
  if (url instanceof Url) return url;
  const u = new Url();
  u.parse(url, parseQueryString, slashesDenoteHost);
  return u;
}

function urlFormat(urlObject, options) {
  if (typeof urlObject === 'string') {
    urlObject = urlParse(urlObject);
  } else if (urlObject === null || typeof urlObject !== 'object') {
    throw errors.invalidArgType('urlObject', ['Object', 'string'], urlObject);
  } else if (urlObject instanceof URL) {
    const opts = Object.assign({ auth: true, fragment: true, search: true, unicode: false }, options);
    let out = `${urlObject.protocol}`;
    if (urlObject.host !== '' || urlObject.protocol === 'file:') out += '//';
    if (opts.auth && (urlObject.username || urlObject.password)) {
      out += urlObject.username;
      if (urlObject.password) out += `:${urlObject.password}`;
      out += '@';
    }
    out += opts.unicode ? domainToUnicode(urlObject.hostname) + (urlObject.port ? `:${urlObject.port}` : '') : urlObject.host;
    out += urlObject.pathname;
    if (opts.search) out += urlObject.search;
    if (opts.fragment) out += urlObject.hash;
    return out;
  }
  return Url.prototype.format.call(urlObject);
}

function urlResolve(source, relative) {
  if (/^[a-z][a-z0-9.+-]*:/i.test(source)) {
    try {
      return new URL(relative, source).href;
    } catch (e) { /* fall through to path resolution */ }
  }
  // Relative base: resolve paths only, as node's legacy resolver does.
  if (/^[a-z][a-z0-9.+-]*:/i.test(relative) || relative.startsWith('//')) return urlParse(relative).format();
  const base = new URL(source, 'http://x.invalid/');
  const r = new URL(relative, base);
  let out = r.pathname + r.search + r.hash;
  if (!source.startsWith('/') && out.startsWith('/')) out = out.slice(1);
  return out;
}

module.exports = {
  URL,
  URLSearchParams,
  Url,
  parse: urlParse,
  format: urlFormat,
  resolve: urlResolve,
  resolveObject: (source, relative) => urlParse(urlResolve(source, relative)),
  fileURLToPath,
  pathToFileURL,
  urlToHttpOptions,
  domainToASCII,
  domainToUnicode,
};
