'use strict';
// Node-coded errors. The name shows the code while the stack is captured
// (so printing the error looks like node's "TypeError [ERR_X]: msg"), then is
// reset to the plain constructor name, as node does.

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

function describeReceived(value) {
  if (value == null) return ` Received ${value}`;
  if (typeof value === 'function') {
    return value.name ? ` Received function ${value.name}` : ' Received function ';
  }
  if (typeof value === 'object') {
    if (value.constructor && value.constructor.name) {
      return ` Received an instance of ${value.constructor.name}`;
    }
    return ` Received ${require('util').inspect(value, { depth: -1 })}`;
  }
  let inspected = require('util').inspect(value, { colors: false });
  if (inspected.length > 28) inspected = `${inspected.slice(0, 25)}...`;
  return ` Received type ${typeof value} (${inspected})`;
}

// expected is a type description such as 'string' or 'an instance of Buffer'.
function invalidArgType(name, expected, value) {
  const kind = name.endsWith(' argument') ? '' : (name.includes('.') ? 'property' : 'argument');
  const what = kind === '' ? `The ${name}` : `The "${name}" ${kind}`;
  const type = /^an? /.test(expected) ? expected : `of type ${expected}`;
  return makeNodeError(TypeError, 'ERR_INVALID_ARG_TYPE',
    `${what} must be ${type}.${describeReceived(value)}`);
}

function outOfRange(name, range, value) {
  let received;
  if (Number.isInteger(value) && Math.abs(value) > 2 ** 32) {
    received = String(value).replace(/(\d)(?=(\d{3})+$)/g, '$1_');
  } else if (typeof value === 'bigint') {
    received = `${value}n`;
  } else {
    received = require('util').inspect(value);
  }
  return makeNodeError(RangeError, 'ERR_OUT_OF_RANGE',
    `The value of "${name}" is out of range. It must be ${range}. Received ${received}`);
}

function invalidArgValue(name, value, reason = 'is invalid') {
  let inspected = require('util').inspect(value);
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

module.exports = {
  makeNodeError, describeReceived, invalidArgType, outOfRange, invalidArgValue,
  validateFunction, validateString, validateNumber, validateInteger,
};
