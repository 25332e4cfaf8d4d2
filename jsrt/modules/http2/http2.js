'use strict';
// node's http2, the part that needs no HTTP/2 protocol (see http2.go).

const errors = require('internal/errors');

const constants = JSON.parse(internal.constants);

function getDefaultSettings() {
  return {
    headerTableSize: 4096, enablePush: true, initialWindowSize: 65535, maxFrameSize: 16384,
    maxConcurrentStreams: 4294967295, maxHeaderSize: 65535, maxHeaderListSize: 65535,
    enableConnectProtocol: false,
  };
}

function notImplemented(name) {
  return function () {
    throw errors.makeNodeError(Error, 'ERR_METHOD_NOT_IMPLEMENTED', `The ${name}() method is not implemented`);
  };
}

class Http2ServerRequest {
  constructor() { notImplemented('Http2ServerRequest')(); }
}

class Http2ServerResponse {
  constructor() { notImplemented('Http2ServerResponse')(); }
}

module.exports = {
  connect: notImplemented('http2.connect'),
  constants,
  createServer: notImplemented('http2.createServer'),
  createSecureServer: notImplemented('http2.createSecureServer'),
  getDefaultSettings,
  getPackedSettings: notImplemented('http2.getPackedSettings'),
  getUnpackedSettings: notImplemented('http2.getUnpackedSettings'),
  performServerHandshake: notImplemented('http2.performServerHandshake'),
  sensitiveHeaders: Symbol('nodejs.http2.sensitiveHeaders'),
  Http2ServerRequest,
  Http2ServerResponse,
};
