'use strict';
// URL Standard building blocks: percent-encode sets and host parsing
// (domains, IPv4, IPv6, opaque hosts). Domain-to-ASCII (UTS #46) is a Go
// helper (internal.toASCII).

const { Buffer } = require('buffer');

const specialPorts = { 'ftp': 21, 'file': null, 'http': 80, 'https': 443, 'ws': 80, 'wss': 443 };
const isSpecialScheme = (s) => Object.prototype.hasOwnProperty.call(specialPorts, s);

// ---- percent-encoding ----

const C0 = (c) => c < 0x20 || c > 0x7e;
const fragmentSet = (c) => C0(c) || c === 0x20 || c === 0x22 || c === 0x3c || c === 0x3e || c === 0x60;
const querySet = (c) => C0(c) || c === 0x20 || c === 0x22 || c === 0x23 || c === 0x3c || c === 0x3e;
const specialQuerySet = (c) => querySet(c) || c === 0x27;
const pathSet = (c) => querySet(c) || c === 0x3f || c === 0x60 || c === 0x7b || c === 0x7d;
const userinfoSet = (c) => pathSet(c) || c === 0x2f || c === 0x3a || c === 0x3b || c === 0x3d ||
  c === 0x40 || (c >= 0x5b && c <= 0x5e) || c === 0x7c;
const componentSet = (c) => userinfoSet(c) || (c >= 0x24 && c <= 0x26) || c === 0x2b || c === 0x2c;
const formSet = (c) => componentSet(c) || c === 0x21 || (c >= 0x27 && c <= 0x29) || c === 0x7e;

function hex2(b) { return `%${b < 16 ? '0' : ''}${b.toString(16).toUpperCase()}`; }

function encodeCodePoint(cp, set, spaceAsPlus) {
  if (spaceAsPlus && cp === 0x20) return '+';
  if (cp < 0x80) return set(cp) ? hex2(cp) : String.fromCharCode(cp);
  let out = '';
  for (const b of Buffer.from(String.fromCodePoint(cp))) out += hex2(b);
  return out;
}

function percentEncode(str, set, spaceAsPlus) {
  let out = '';
  for (const ch of str) out += encodeCodePoint(ch.codePointAt(0), set, spaceAsPlus);
  return out;
}

function isHex(c) { return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102); }

// percentDecodeBytes returns the bytes of str (UTF-8) with %XX decoded.
function percentDecodeBytes(str) {
  const input = Buffer.from(str);
  const out = [];
  for (let i = 0; i < input.length; i++) {
    const b = input[i];
    if (b === 0x25 && i + 2 < input.length && isHex(input[i + 1]) && isHex(input[i + 2])) {
      out.push(parseInt(String.fromCharCode(input[i + 1], input[i + 2]), 16));
      i += 2;
    } else {
      out.push(b);
    }
  }
  return Buffer.from(out);
}

function toUSV(s) {
  return `${s}`.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

// ---- hosts ----

function parseIPv4Number(s) {
  if (s === '') return NaN;
  let radix = 10;
  if (s.length >= 2 && s[0] === '0' && (s[1] === 'x' || s[1] === 'X')) { s = s.slice(2); radix = 16; }
  else if (s.length >= 2 && s[0] === '0') { s = s.slice(1); radix = 8; }
  if (s === '') return 0;
  const re = radix === 10 ? /^[0-9]+$/ : radix === 16 ? /^[0-9a-fA-F]+$/ : /^[0-7]+$/;
  if (!re.test(s)) return NaN;
  return parseInt(s, radix);
}

function endsInNumber(host) {
  const parts = host.split('.');
  if (parts[parts.length - 1] === '') {
    if (parts.length === 1) return false;
    parts.pop();
  }
  const last = parts[parts.length - 1];
  if (/^[0-9]+$/.test(last)) return true;
  return !Number.isNaN(parseIPv4Number(last)) && /^0[xX]/.test(last);
}

function parseIPv4(host) {
  const parts = host.split('.');
  if (parts[parts.length - 1] === '' && parts.length > 1) parts.pop();
  if (parts.length > 4) return null;
  const nums = [];
  for (const p of parts) {
    const n = parseIPv4Number(p);
    if (Number.isNaN(n)) return null;
    nums.push(n);
  }
  for (let i = 0; i < nums.length - 1; i++) if (nums[i] > 255) return null;
  if (nums[nums.length - 1] >= 256 ** (5 - nums.length)) return null;
  let ipv4 = nums[nums.length - 1];
  for (let i = 0; i < nums.length - 1; i++) ipv4 += nums[i] * 256 ** (3 - i);
  return ipv4;
}

function serializeIPv4(n) {
  const out = [];
  for (let i = 0; i < 4; i++) { out.unshift(String(n % 256)); n = Math.floor(n / 256); }
  return out.join('.');
}

function parseIPv6(input) {
  const address = [0, 0, 0, 0, 0, 0, 0, 0];
  let pieceIndex = 0;
  let compress = null;
  let p = 0;
  const c = (i) => input.charCodeAt(i);
  if (c(p) === 0x3a) {
    if (c(p + 1) !== 0x3a) return null;
    p += 2;
    compress = ++pieceIndex;
  }
  while (p < input.length) {
    if (pieceIndex === 8) return null;
    if (c(p) === 0x3a) {
      if (compress !== null) return null;
      p++;
      compress = ++pieceIndex;
      continue;
    }
    let value = 0;
    let length = 0;
    while (length < 4 && isHex(c(p))) { value = value * 16 + parseInt(input[p], 16); p++; length++; }
    if (c(p) === 0x2e) {
      if (length === 0) return null;
      p -= length;
      if (pieceIndex > 6) return null;
      let numbersSeen = 0;
      while (p < input.length) {
        let ipv4Piece = null;
        if (numbersSeen > 0) {
          if (c(p) === 0x2e && numbersSeen < 4) p++;
          else return null;
        }
        if (!(c(p) >= 48 && c(p) <= 57)) return null;
        while (c(p) >= 48 && c(p) <= 57) {
          const number = c(p) - 48;
          if (ipv4Piece === null) ipv4Piece = number;
          else if (ipv4Piece === 0) return null;
          else ipv4Piece = ipv4Piece * 10 + number;
          if (ipv4Piece > 255) return null;
          p++;
        }
        address[pieceIndex] = address[pieceIndex] * 0x100 + ipv4Piece;
        numbersSeen++;
        if (numbersSeen === 2 || numbersSeen === 4) pieceIndex++;
      }
      if (numbersSeen !== 4) return null;
      break;
    } else if (c(p) === 0x3a) {
      p++;
      if (p >= input.length) return null;
    } else if (p < input.length) {
      return null;
    }
    address[pieceIndex++] = value;
  }
  if (compress !== null) {
    let swaps = pieceIndex - compress;
    pieceIndex = 7;
    while (pieceIndex !== 0 && swaps > 0) {
      const t = address[compress + swaps - 1];
      address[compress + swaps - 1] = address[pieceIndex];
      address[pieceIndex] = t;
      pieceIndex--;
      swaps--;
    }
  } else if (pieceIndex !== 8) {
    return null;
  }
  return address;
}

function serializeIPv6(address) {
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    if (address[i] !== 0) { i++; continue; }
    let j = i;
    while (j < 8 && address[j] === 0) j++;
    if (j - i > bestLen) { bestStart = i; bestLen = j - i; }
    i = j;
  }
  let out = '';
  let ignore0 = false;
  for (let i = 0; i < 8; i++) {
    if (ignore0 && address[i] === 0) continue;
    ignore0 = false;
    if (bestStart === i) {
      out += i === 0 ? '::' : ':';
      ignore0 = true;
      continue;
    }
    out += address[i].toString(16);
    if (i !== 7) out += ':';
  }
  return `[${out}]`;
}

const forbiddenHost = /[\x00\t\n\r #/:<>?@[\\\]^|]/;
const forbiddenDomain = /[\x00-\x1f #%/:<>?@[\\\]^|\x7f]/;

// parseHost returns the serialized host or null on failure.
function parseHost(input, isOpaque) {
  if (input.startsWith('[')) {
    if (!input.endsWith(']')) return null;
    const a = parseIPv6(input.slice(1, -1));
    return a === null ? null : serializeIPv6(a);
  }
  if (isOpaque) {
    if (forbiddenHost.test(input)) return null;
    return percentEncode(input, C0);
  }
  const domain = percentDecodeBytes(input).toString();
  let ascii;
  if (/^[\x00-\x7f]*$/.test(domain) && !/(^|\.)xn--/i.test(domain)) {
    ascii = domain.toLowerCase();
  } else {
    ascii = internal.toASCII(domain);
    if (ascii === '') return null;
  }
  if (ascii === '' || forbiddenDomain.test(ascii)) return null;
  if (endsInNumber(ascii)) {
    const v4 = parseIPv4(ascii);
    return v4 === null ? null : serializeIPv4(v4);
  }
  return ascii;
}

module.exports = {
  specialPorts, isSpecialScheme, C0, fragmentSet, querySet, specialQuerySet, pathSet,
  userinfoSet, formSet, encodeCodePoint, percentEncode, percentDecodeBytes, toUSV, parseHost,
};
