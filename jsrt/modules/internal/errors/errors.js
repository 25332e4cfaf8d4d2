'use strict';
// Node-coded errors, the one place ebbnode builds node's messages for
// ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE and ERR_OUT_OF_RANGE (the
// prelude, fs and every core module call it), so the text matches node 20's
// lib/internal/errors.js case for case. The name shows the code while the
// stack is captured (so printing the error looks like node's
// "TypeError [ERR_X]: msg"), then is reset to the plain constructor name, as
// node does.

function makeNodeError(Base, code, message) {
  const err = new Base(message);
  Object.defineProperty(err, 'code', { value: code, enumerable: true, writable: true, configurable: true });
  const stack = err.stack;
  if (typeof stack === 'string' && stack.startsWith(`${err.name}: `)) {
    Object.defineProperty(err, 'stack', {
      value: `${err.name} [${code}]${stack.slice(err.name.length)}`,
      enumerable: false, writable: true, configurable: true,
    });
  }
  Object.defineProperty(err, 'toString', {
    value() { return `${this.name} [${code}]: ${this.message}`; },
    enumerable: false, writable: true, configurable: true,
  });
  return err;
}

function inspect(value, options) {
  return require('util').inspect(value, options);
}

// determineSpecificType is what node prints after "Received" for a value of
// the wrong type. Long strings are cut to 25 characters only past 28, and
// strings, numbers, symbols and bigints are never passed through inspect.
function determineSpecificType(value) {
  if (value === null || value === undefined) return String(value);
  switch (typeof value) {
    case 'bigint':
      return `type bigint (${value}n)`;
    case 'number':
      return `type number (${Object.is(value, -0) ? '-0' : String(value)})`;
    case 'boolean':
    case 'symbol':
      return `type ${typeof value} (${String(value)})`;
    case 'function':
      return `function ${value.name}`;
    case 'object':
      // `in` rather than a truthy name: an anonymous class still counts.
      if (value.constructor && 'name' in value.constructor) {
        return `an instance of ${value.constructor.name}`;
      }
      return inspect(value, { depth: -1 });
    case 'string': {
      const s = value.length > 28 ? `${value.slice(0, 25)}...` : value;
      return `type string (${s.includes("'") ? JSON.stringify(s) : `'${s}'`})`;
    }
    default: {
      let s = inspect(value, { colors: false });
      if (s.length > 28) s = `${s.slice(0, 25)}...`;
      return `type ${typeof value} (${s})`;
    }
  }
}

// describeReceived is the " Received ..." tail of an ERR_INVALID_ARG_TYPE
// message.
function describeReceived(value) {
  return ` Received ${determineSpecificType(value)}`;
}

// addNumericalSeparator groups the digits of an integer's decimal text in
// threes with '_' from the right, as node does. It works on the text, so
// node's oddities come along: String(1e21) is "1e+21" and becomes "1e_+21".
function addNumericalSeparator(text) {
  const start = text[0] === '-' ? 1 : 0;
  let end = text.length;
  let groups = '';
  while (end >= start + 4) {
    groups = `_${text.slice(end - 3, end)}${groups}`;
    end -= 3;
  }
  return text.slice(0, end) + groups;
}

// The type names node prints as "of type x" (lower-cased); any other
// capitalised word is a class ("an instance of X").
const typeNames = ['string', 'function', 'number', 'object', 'Function', 'Object', 'boolean', 'bigint', 'symbol'];
const classNameRe = /^([A-Z][a-z0-9]*)+$/;

function formatList(items, word) {
  if (items.length <= 2) return items.join(` ${word} `);
  return `${items.slice(0, -1).join(', ')}, ${word} ${items[items.length - 1]}`;
}

// describeExpected turns node's list of accepted types (a name or an array
// of names, as node's callers pass them) into the words after "must be ".
// A phrase with spaces ('string or an instance of URL', 'a safe integer') is
// used as written, with "of type " in front unless it starts with an
// article or "of type"/"one of".
function describeExpected(expected) {
  if (typeof expected === 'string' && expected.includes(' ')) {
    return /^(an? |of type |one of )/.test(expected) ? expected : `of type ${expected}`;
  }
  const list = Array.isArray(expected) ? expected : [expected];
  const types = [];
  const instances = [];
  const other = [];
  for (const name of list) {
    if (typeNames.includes(name)) types.push(name.toLowerCase());
    else if (classNameRe.test(name)) instances.push(name);
    else other.push(name);
  }
  // With classes accepted too, node names plain objects as a class.
  const obj = types.indexOf('object');
  if (instances.length > 0 && obj !== -1) {
    types.splice(obj, 1);
    instances.push('Object');
  }
  const parts = [];
  if (types.length > 0) parts.push(`${types.length > 1 ? 'one of type' : 'of type'} ${formatList(types, 'or')}`);
  if (instances.length > 0) parts.push(`an instance of ${formatList(instances, 'or')}`);
  if (other.length > 1) parts.push(`one of ${formatList(other, 'or')}`);
  else if (other.length === 1) parts.push(other[0].toLowerCase() === other[0] ? other[0] : `an ${other[0]}`);
  return parts.join(' or ');
}

function invalidArgType(name, expected, value) {
  const what = name.endsWith(' argument') ? `The ${name}` : `The "${name}" ${name.includes('.') ? 'property' : 'argument'}`;
  return makeNodeError(TypeError, 'ERR_INVALID_ARG_TYPE',
    `${what} must be ${describeExpected(expected)}.${describeReceived(value)}`);
}

function outOfRange(name, range, value) {
  let received;
  if (Number.isInteger(value) && Math.abs(value) > 2 ** 32) {
    received = addNumericalSeparator(String(value));
  } else if (typeof value === 'bigint') {
    received = String(value);
    if (value > 2n ** 32n || value < -(2n ** 32n)) received = addNumericalSeparator(received);
    received += 'n';
  } else {
    received = inspect(value);
  }
  return makeNodeError(RangeError, 'ERR_OUT_OF_RANGE',
    `The value of "${name}" is out of range. It must be ${range}. Received ${received}`);
}

function invalidArgValue(name, value, reason = 'is invalid') {
  let inspected = inspect(value);
  if (inspected.length > 128) inspected = `${inspected.slice(0, 128)}...`;
  const type = name.includes('.') ? 'property' : 'argument';
  return makeNodeError(TypeError, 'ERR_INVALID_ARG_VALUE',
    `The ${type} '${name}' ${reason}. Received ${inspected}`);
}

function validateFunction(value, name) {
  if (typeof value !== 'function') throw invalidArgType(name, 'function', value);
}

function validateString(value, name) {
  if (typeof value !== 'string') throw invalidArgType(name, 'string', value);
}

function validateNumber(value, name) {
  if (typeof value !== 'number') throw invalidArgType(name, 'number', value);
}

function validateInteger(value, name, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) {
  if (typeof value !== 'number') throw invalidArgType(name, 'number', value);
  if (!Number.isInteger(value)) throw outOfRange(name, 'an integer', value);
  if (value < min || value > max) throw outOfRange(name, `>= ${min} && <= ${max}`, value);
}

// AbortError is node's: code and name are own enumerable properties, and
// the signal's reason is the cause.
class AbortError extends Error {
  constructor(message = 'The operation was aborted', options = undefined) {
    super(message, options);
    this.code = 'ABORT_ERR';
    this.name = 'AbortError';
  }
}

function validateAbortSignal(signal, name) {
  if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
    throw invalidArgType(name, 'AbortSignal', signal);
  }
}

module.exports = {
  AbortError, validateAbortSignal,
  makeNodeError, determineSpecificType, describeReceived, addNumericalSeparator,
  describeExpected, invalidArgType, outOfRange, invalidArgValue,
  validateFunction, validateString, validateNumber, validateInteger,
};
