'use strict';
// util.inspect for primitives: string quoting and escaping, numbers (with
// numericSeparator), bigints.

const escapeTestDefault = /[\x00-\x1f\x27\x5c\x7f-\x9f]/;
const escapeTestNoQuote = /[\x00-\x1f\x5c\x7f-\x9f]/;

const meta = [];
for (let i = 0; i < 0xa0; i++) {
  if (i < 0x20 || (i >= 0x7f && i < 0xa0)) {
    meta[i] = '\\x' + i.toString(16).toUpperCase().padStart(2, '0');
  }
}
meta[8] = '\\b'; meta[9] = '\\t'; meta[10] = '\\n'; meta[12] = '\\f'; meta[13] = '\\r';
meta[39] = "\\'"; meta[92] = '\\\\';

function stylizeNoColor(str) { return str; }

function strEscape(str) {
  let quote = 39; // '
  let test = escapeTestDefault;
  if (str.includes("'")) {
    if (!str.includes('"')) quote = -1;
    else if (!str.includes('`') && !str.includes('${')) quote = -2;
    if (quote !== 39) test = escapeTestNoQuote;
  }
  if (!test.test(str) && !/[\ud800-\udfff]/.test(str)) return addQuotes(str, quote);
  let result = '';
  let last = 0;
  for (let i = 0; i < str.length; i++) {
    const point = str.charCodeAt(i);
    if (point === quote || point === 92 || point < 32 || (point > 126 && point < 160)) {
      result += str.slice(last, i) + meta[point];
      last = i + 1;
    } else if (point >= 0xd800 && point <= 0xdfff) {
      if (point <= 0xdbff && i + 1 < str.length) {
        const next = str.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) { i++; continue; }
      }
      result += str.slice(last, i) + '\\u' + point.toString(16);
      last = i + 1;
    }
  }
  if (last !== str.length) result += str.slice(last);
  return addQuotes(result, quote);
}

function addQuotes(str, quote) {
  if (quote === -1) return '"' + str + '"';
  if (quote === -2) return '`' + str + '`';
  return "'" + str + "'";
}

function addNumericSeparator(integerString) {
  let result = '';
  let i = integerString.length;
  const start = integerString.startsWith('-') ? 1 : 0;
  for (; i >= start + 4; i -= 3) result = `_${integerString.slice(i - 3, i)}${result}`;
  return i === integerString.length ? integerString : `${integerString.slice(0, i)}${result}`;
}

function addNumericSeparatorEnd(integerString) {
  let result = '';
  let i = 0;
  for (; i < integerString.length - 3; i += 3) result += `${integerString.slice(i, i + 3)}_`;
  return i === 0 ? integerString : `${result}${integerString.slice(i)}`;
}

function formatNumber(fn, n, numericSeparator) {
  if (!numericSeparator) {
    if (Object.is(n, -0)) return fn('-0', 'number');
    return fn(`${n}`, 'number');
  }
  const integer = Math.trunc(n);
  const string = String(integer);
  if (integer === n) {
    if (!Number.isFinite(n) || string.includes('e')) return fn(string, 'number');
    return fn(addNumericSeparator(string), 'number');
  }
  if (Number.isNaN(n)) return fn(string, 'number');
  return fn(`${addNumericSeparator(string)}.${addNumericSeparatorEnd(String(n).slice(string.length + 1))}`, 'number');
}

function formatBigInt(fn, n, numericSeparator) {
  const string = String(n);
  if (!numericSeparator) return fn(`${string}n`, 'bigint');
  return fn(`${addNumericSeparator(string)}n`, 'bigint');
}

function formatPrimitive(fn, value, ctx) {
  switch (typeof value) {
    case 'string': {
      let trailer = '';
      if (value.length > ctx.maxStringLength) {
        const remaining = value.length - ctx.maxStringLength;
        value = value.slice(0, ctx.maxStringLength);
        trailer = `... ${remaining} more character${remaining > 1 ? 's' : ''}`;
      }
      if (ctx.compact !== true && value.length > 16 &&
          value.length > ctx.breakLength - ctx.indentationLvl - 4) {
        return value.split(/(?<=\n)/).map((line) => fn(strEscape(line), 'string'))
          .join(` +\n${' '.repeat(ctx.indentationLvl + 2)}`) + trailer;
      }
      return fn(strEscape(value), 'string') + trailer;
    }
    case 'number': return formatNumber(fn, value, ctx.numericSeparator);
    case 'bigint': return formatBigInt(fn, value, ctx.numericSeparator);
    case 'boolean': return fn('' + value, 'boolean');
    case 'undefined': return fn('undefined', 'undefined');
    default: return fn(value.toString(), 'symbol');
  }
}

module.exports = { meta, strEscape, formatNumber, formatBigInt, formatPrimitive, stylizeNoColor };
