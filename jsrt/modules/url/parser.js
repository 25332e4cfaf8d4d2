'use strict';
// The URL Standard's basic URL parser (a state machine over code points) and
// the URL serializer. Records are plain objects; see newRecord.

const {
  specialPorts, isSpecialScheme, C0, fragmentSet, specialQuerySet, querySet, pathSet,
  userinfoSet, encodeCodePoint, percentEncode, parseHost,
} = require('internal/url/host');

function newRecord() {
  return { scheme: '', username: '', password: '', host: null, port: null, path: [], opaque: false, query: null, fragment: null };
}

const isAlpha = (c) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDigit = (c) => c >= 48 && c <= 57;
const isWinLetter = (s, normalizedOnly) => s.length === 2 && isAlpha(s.charCodeAt(0)) &&
  (s[1] === ':' || (!normalizedOnly && s[1] === '|'));
const startsWithWinLetter = (cps, p) => cps.length - p >= 2 && isAlpha(cps[p]) &&
  (cps[p + 1] === 0x3a || cps[p + 1] === 0x7c) &&
  (cps.length - p === 2 || [0x2f, 0x5c, 0x3f, 0x23].includes(cps[p + 2]));
const isSingleDot = (s) => s === '.' || s.toLowerCase() === '%2e';
const isDoubleDot = (s) => ['..', '.%2e', '%2e.', '%2e%2e'].includes(s.toLowerCase());

function shortenPath(url) {
  if (url.scheme === 'file' && url.path.length === 1 && isWinLetter(url.path[0], true)) return;
  url.path.pop();
}

const FAIL = Symbol('failure');

// basicParse implements the standard's state machine. With stateOverride it
// updates url in place (setters) and returns nothing useful.
function basicParse(input, base, url, stateOverride) {
  if (!url) {
    url = newRecord();
    input = input.replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, '');
  }
  input = input.replace(/[\t\n\r]/g, '');
  const cps = Array.from(input, (ch) => ch.codePointAt(0));
  let state = stateOverride || 'scheme start';
  let buffer = '';
  let atSignSeen = false;
  let insideBrackets = false;
  let passwordTokenSeen = false;
  const special = () => isSpecialScheme(url.scheme);

  for (let p = 0; p <= cps.length; p++) {
    const c = p < cps.length ? cps[p] : undefined; // undefined is EOF
    const ch = c === undefined ? '' : String.fromCodePoint(c);
    switch (state) {
      case 'scheme start':
        if (c !== undefined && isAlpha(c)) {
          buffer += ch.toLowerCase();
          state = 'scheme';
        } else if (!stateOverride) {
          state = 'no scheme';
          p--;
        } else {
          return FAIL;
        }
        break;
      case 'scheme':
        if (c !== undefined && (isAlpha(c) || isDigit(c) || c === 0x2b || c === 0x2d || c === 0x2e)) {
          buffer += ch.toLowerCase();
        } else if (c === 0x3a) {
          if (stateOverride) {
            if (isSpecialScheme(url.scheme) !== isSpecialScheme(buffer)) return url;
            if ((url.username !== '' || url.password !== '' || url.port !== null) && buffer === 'file') return url;
            if (url.scheme === 'file' && url.host === '') return url;
          }
          url.scheme = buffer;
          if (stateOverride) {
            if (url.port === specialPorts[url.scheme]) url.port = null;
            return url;
          }
          buffer = '';
          if (url.scheme === 'file') {
            state = 'file';
          } else if (special() && base && base.scheme === url.scheme) {
            state = 'special relative or authority';
          } else if (special()) {
            state = 'special authority slashes';
          } else if (cps[p + 1] === 0x2f) {
            state = 'path or authority';
            p++;
          } else {
            url.opaque = true;
            url.path = '';
            state = 'opaque path';
          }
        } else if (!stateOverride) {
          buffer = '';
          state = 'no scheme';
          p = -1;
        } else {
          return FAIL;
        }
        break;
      case 'no scheme':
        if (!base || (base.opaque && c !== 0x23)) return FAIL;
        if (base.opaque && c === 0x23) {
          url.scheme = base.scheme;
          url.path = base.path;
          url.opaque = true;
          url.query = base.query;
          url.fragment = '';
          state = 'fragment';
        } else if (base.scheme !== 'file') {
          state = 'relative';
          p--;
        } else {
          state = 'file';
          p--;
        }
        break;
      case 'special relative or authority':
        if (c === 0x2f && cps[p + 1] === 0x2f) {
          state = 'special authority ignore slashes';
          p++;
        } else {
          state = 'relative';
          p--;
        }
        break;
      case 'path or authority':
        if (c === 0x2f) state = 'authority';
        else { state = 'path'; p--; }
        break;
      case 'relative':
        url.scheme = base.scheme;
        if (c === 0x2f) {
          state = 'relative slash';
        } else if (special() && c === 0x5c) {
          state = 'relative slash';
        } else {
          url.username = base.username;
          url.password = base.password;
          url.host = base.host;
          url.port = base.port;
          url.path = base.path.slice();
          url.query = base.query;
          if (c === 0x3f) {
            url.query = '';
            state = 'query';
          } else if (c === 0x23) {
            url.fragment = '';
            state = 'fragment';
          } else if (c !== undefined) {
            url.query = null;
            shortenPath(url);
            state = 'path';
            p--;
          }
        }
        break;
      case 'relative slash':
        if (special() && (c === 0x2f || c === 0x5c)) {
          state = 'special authority ignore slashes';
        } else if (c === 0x2f) {
          state = 'authority';
        } else {
          url.username = base.username;
          url.password = base.password;
          url.host = base.host;
          url.port = base.port;
          state = 'path';
          p--;
        }
        break;
      case 'special authority slashes':
        if (c === 0x2f && cps[p + 1] === 0x2f) {
          state = 'special authority ignore slashes';
          p++;
        } else {
          state = 'special authority ignore slashes';
          p--;
        }
        break;
      case 'special authority ignore slashes':
        if (c !== 0x2f && c !== 0x5c) {
          state = 'authority';
          p--;
        }
        break;
      case 'authority':
        if (c === 0x40) {
          if (atSignSeen) buffer = `%40${buffer}`;
          atSignSeen = true;
          for (const bc of buffer) {
            const code = bc.codePointAt(0);
            if (code === 0x3a && !passwordTokenSeen) {
              passwordTokenSeen = true;
              continue;
            }
            const enc = encodeCodePoint(code, userinfoSet);
            if (passwordTokenSeen) url.password += enc;
            else url.username += enc;
          }
          buffer = '';
        } else if (c === undefined || c === 0x2f || c === 0x3f || c === 0x23 || (special() && c === 0x5c)) {
          if (atSignSeen && buffer === '') return FAIL;
          p -= Array.from(buffer).length + 1;
          buffer = '';
          state = 'host';
        } else {
          buffer += ch;
        }
        break;
      case 'host':
      case 'hostname':
        if (stateOverride && url.scheme === 'file') {
          p--;
          state = 'file host';
        } else if (c === 0x3a && !insideBrackets) {
          if (buffer === '') return FAIL;
          if (stateOverride === 'hostname') return FAIL;
          const host = parseHost(buffer, !special());
          if (host === null) return FAIL;
          url.host = host;
          buffer = '';
          state = 'port';
        } else if (c === undefined || c === 0x2f || c === 0x3f || c === 0x23 || (special() && c === 0x5c)) {
          p--;
          if (special() && buffer === '') return FAIL;
          if (stateOverride && buffer === '' && (url.username !== '' || url.password !== '' || url.port !== null)) return FAIL;
          const host = parseHost(buffer, !special());
          if (host === null) return FAIL;
          url.host = host;
          buffer = '';
          state = 'path start';
          if (stateOverride) return url;
        } else {
          if (c === 0x5b) insideBrackets = true;
          if (c === 0x5d) insideBrackets = false;
          buffer += ch;
        }
        break;
      case 'port':
        if (c !== undefined && isDigit(c)) {
          buffer += ch;
        } else if (c === undefined || c === 0x2f || c === 0x3f || c === 0x23 || (special() && c === 0x5c) || stateOverride) {
          if (buffer !== '') {
            const port = parseInt(buffer, 10);
            if (port > 65535) return FAIL;
            url.port = port === specialPorts[url.scheme] ? null : port;
            buffer = '';
          }
          if (stateOverride) return url;
          state = 'path start';
          p--;
        } else {
          return FAIL;
        }
        break;
      case 'file':
        url.scheme = 'file';
        url.host = '';
        if (c === 0x2f || c === 0x5c) {
          state = 'file slash';
        } else if (base && base.scheme === 'file') {
          url.host = base.host;
          url.path = base.path.slice();
          url.query = base.query;
          if (c === 0x3f) {
            url.query = '';
            state = 'query';
          } else if (c === 0x23) {
            url.fragment = '';
            state = 'fragment';
          } else if (c !== undefined) {
            url.query = null;
            if (!startsWithWinLetter(cps, p)) shortenPath(url);
            else url.path = [];
            state = 'path';
            p--;
          }
        } else {
          state = 'path';
          p--;
        }
        break;
      case 'file slash':
        if (c === 0x2f || c === 0x5c) {
          state = 'file host';
        } else {
          if (base && base.scheme === 'file') {
            url.host = base.host;
            if (!startsWithWinLetter(cps, p) && base.path.length > 0 && isWinLetter(base.path[0], true)) {
              url.path.push(base.path[0]);
            }
          }
          state = 'path';
          p--;
        }
        break;
      case 'file host':
        if (c === undefined || c === 0x2f || c === 0x5c || c === 0x3f || c === 0x23) {
          p--;
          if (!stateOverride && isWinLetter(buffer, false)) {
            state = 'path';
          } else if (buffer === '') {
            url.host = '';
            if (stateOverride) return url;
            state = 'path start';
          } else {
            let host = parseHost(buffer, false);
            if (host === null) return FAIL;
            if (host === 'localhost') host = '';
            url.host = host;
            if (stateOverride) return url;
            buffer = '';
            state = 'path start';
          }
        } else {
          buffer += ch;
        }
        break;
      case 'path start':
        if (special()) {
          state = 'path';
          if (c !== 0x2f && c !== 0x5c) p--;
        } else if (!stateOverride && c === 0x3f) {
          url.query = '';
          state = 'query';
        } else if (!stateOverride && c === 0x23) {
          url.fragment = '';
          state = 'fragment';
        } else if (c !== undefined) {
          state = 'path';
          if (c !== 0x2f) p--;
        } else if (stateOverride && url.host === null) {
          url.path.push('');
        }
        break;
      case 'path':
        if (c === undefined || c === 0x2f || (special() && c === 0x5c) ||
            (!stateOverride && (c === 0x3f || c === 0x23))) {
          if (isDoubleDot(buffer)) {
            shortenPath(url);
            if (c !== 0x2f && !(special() && c === 0x5c)) url.path.push('');
          } else if (isSingleDot(buffer) && c !== 0x2f && !(special() && c === 0x5c)) {
            url.path.push('');
          } else if (!isSingleDot(buffer)) {
            if (url.scheme === 'file' && url.path.length === 0 && isWinLetter(buffer, false)) {
              buffer = `${buffer[0]}:`;
            }
            url.path.push(buffer);
          }
          buffer = '';
          if (c === 0x3f) {
            url.query = '';
            state = 'query';
          }
          if (c === 0x23) {
            url.fragment = '';
            state = 'fragment';
          }
        } else {
          buffer += encodeCodePoint(c, pathSet);
        }
        break;
      case 'opaque path':
        if (c === 0x3f) {
          url.query = '';
          state = 'query';
        } else if (c === 0x23) {
          url.fragment = '';
          state = 'fragment';
        } else if (c !== undefined) {
          url.path += encodeCodePoint(c, C0);
        }
        break;
      case 'query':
        if ((!stateOverride && c === 0x23) || c === undefined) {
          url.query += percentEncode(buffer, special() ? specialQuerySet : querySet);
          buffer = '';
          if (c === 0x23) {
            url.fragment = '';
            state = 'fragment';
          }
        } else {
          buffer += ch;
        }
        break;
      case 'fragment':
        if (c !== undefined) url.fragment += encodeCodePoint(c, fragmentSet);
        break;
      default:
        throw new Error(`url: unknown parser state ${state}`);
    }
  }
  return url;
}

function serializePath(url) {
  if (url.opaque) return url.path;
  let out = '';
  for (const seg of url.path) out += `/${seg}`;
  return out;
}

function serialize(url, excludeFragment) {
  let out = `${url.scheme}:`;
  if (url.host !== null) {
    out += '//';
    if (url.username !== '' || url.password !== '') {
      out += url.username;
      if (url.password !== '') out += `:${url.password}`;
      out += '@';
    }
    out += url.host;
    if (url.port !== null) out += `:${url.port}`;
  }
  if (url.host === null && !url.opaque && url.path.length > 1 && url.path[0] === '') out += '/.';
  out += serializePath(url);
  if (url.query !== null) out += `?${url.query}`;
  if (!excludeFragment && url.fragment !== null) out += `#${url.fragment}`;
  return out;
}

module.exports = { basicParse, serialize, serializePath, FAIL };
