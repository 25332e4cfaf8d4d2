'use strict';
// LazyTransform is node's base for Hash, Hmac, Cipheriv and Decipheriv: a
// stream.Transform whose stream state is built on first use, so the common
// createHash().update().digest() pays nothing for being a stream.

const { Transform } = require('stream');

function LazyTransform(options) {
  this._options = options;
}
Object.setPrototypeOf(LazyTransform.prototype, Transform.prototype);
Object.setPrototypeOf(LazyTransform, Transform);

function makeGetter(name) {
  return function () {
    Transform.call(this, this._options);
    // Strings reach _transform as they were written, with 'buffer' as the
    // encoding unless one was given, as in node.
    this._writableState.decodeStrings = false;
    if (!this._options || !this._options.defaultEncoding) this._writableState.defaultEncoding = 'buffer';
    return this[name];
  };
}

function makeSetter(name) {
  return function (value) {
    Object.defineProperty(this, name, { value, enumerable: true, configurable: true, writable: true });
  };
}

for (const name of ['_readableState', '_writableState']) {
  Object.defineProperty(LazyTransform.prototype, name, {
    get: makeGetter(name), set: makeSetter(name), configurable: true, enumerable: true,
  });
}

module.exports = LazyTransform;
