'use strict';
// util.format and util.formatWithOptions: printf-style placeholders, then
// the remaining arguments inspected (strings as they are).

const { inspect } = require('internal/inspect');
const { formatNumber, formatBigInt, stylizeNoColor } = require('internal/inspect/primitives');

const builtInObjects = new Set(Object.getOwnPropertyNames(globalThis).filter(
  (k) => /^[A-Z][a-zA-Z0-9]+$/.test(k)));

function hasBuiltInToString(value) {
  if (typeof value.toString !== 'function') return true;
  if (Object.prototype.hasOwnProperty.call(value, 'toString')) return false;
  let pointer = value;
  do {
    pointer = Object.getPrototypeOf(pointer);
  } while (pointer !== null && !Object.prototype.hasOwnProperty.call(pointer, 'toString'));
  if (pointer === null) return true;
  const desc = Object.getOwnPropertyDescriptor(pointer, 'constructor');
  return desc !== undefined && typeof desc.value === 'function' && builtInObjects.has(desc.value.name);
}

function tryStringify(arg) {
  try {
    return JSON.stringify(arg);
  } catch (err) {
    if (err instanceof TypeError && /circular/i.test(String(err.message))) return '[Circular]';
    throw err;
  }
}

function formatWithOptions(inspectOptions, ...args) {
  if (inspectOptions === null || typeof inspectOptions !== 'object') {
    throw require('internal/errors').invalidArgType('inspectOptions', 'object', inspectOptions);
  }
  return formatWithOptionsInternal(inspectOptions, args);
}

function formatWithOptionsInternal(inspectOptions, args) {
  const first = args[0];
  let a = 0;
  let str = '';
  let join = '';
  if (typeof first === 'string') {
    if (args.length === 1) return first;
    let tempStr;
    let lastPos = 0;
    for (let i = 0; i < first.length - 1; i++) {
      if (first.charCodeAt(i) !== 37) continue; // '%'
      const nextChar = first.charCodeAt(++i);
      if (a + 1 !== args.length) {
        switch (nextChar) {
          case 115: { // 's'
            const arg = args[++a];
            if (typeof arg === 'number') tempStr = formatNumber(stylizeNoColor, arg);
            else if (typeof arg === 'bigint') tempStr = formatBigInt(stylizeNoColor, arg);
            else if (typeof arg !== 'object' || arg === null || !hasBuiltInToString(arg)) tempStr = String(arg);
            else tempStr = inspect(arg, Object.assign({}, inspectOptions, { depth: 0, colors: false, compact: 3 }));
            break;
          }
          case 106: tempStr = tryStringify(args[++a]); break; // 'j'
          case 100: { // 'd'
            const n = args[++a];
            if (typeof n === 'bigint') tempStr = formatBigInt(stylizeNoColor, n);
            else if (typeof n === 'symbol') tempStr = 'NaN';
            else tempStr = formatNumber(stylizeNoColor, Number(n));
            break;
          }
          case 79: tempStr = inspect(args[++a], inspectOptions); break; // 'O'
          case 111: // 'o'
            tempStr = inspect(args[++a], Object.assign({}, inspectOptions,
              { showHidden: true, showProxy: true, depth: 4 }));
            break;
          case 105: { // 'i'
            const n = args[++a];
            if (typeof n === 'bigint') tempStr = formatBigInt(stylizeNoColor, n);
            else if (typeof n === 'symbol') tempStr = 'NaN';
            else tempStr = formatNumber(stylizeNoColor, parseInt(n));
            break;
          }
          case 102: { // 'f'
            const n = args[++a];
            if (typeof n === 'symbol') tempStr = 'NaN';
            else tempStr = formatNumber(stylizeNoColor, parseFloat(n));
            break;
          }
          case 99: a += 1; tempStr = ''; break; // 'c'
          case 37: // '%'
            str += first.slice(lastPos, i);
            lastPos = i + 1;
            continue;
          default:
            continue;
        }
        if (lastPos !== i - 1) str += first.slice(lastPos, i - 1);
        str += tempStr;
        lastPos = i + 1;
      } else if (nextChar === 37) {
        str += first.slice(lastPos, i);
        lastPos = i + 1;
      }
    }
    if (lastPos !== 0) {
      a++;
      join = ' ';
      if (lastPos < first.length) str += first.slice(lastPos);
    }
  }
  while (a < args.length) {
    const value = args[a];
    str += join;
    str += typeof value !== 'string' ? inspect(value, inspectOptions) : value;
    join = ' ';
    a++;
  }
  return str;
}

function format(...args) { return formatWithOptionsInternal(undefined, args); }

module.exports = { format, formatWithOptions };
