// Core modules frameworks require at load: v8's snapshot queries and heap
// statistics, http2's constants and settings, Annex B's accessor methods
// (delegates, used by koa) and Error.prepareStackTrace's CallSites (depd,
// used by express).
const v8 = require('v8');
console.log(v8.startupSnapshot.isBuildingSnapshot(), typeof v8.getHeapStatistics().used_heap_size,
  v8.getHeapStatistics().heap_size_limit > 0, require('node:v8') === v8);
try { v8.startupSnapshot.addDeserializeCallback(() => {}); } catch (e) { console.log(e.code); }
const http2 = require('http2');
const c = http2.constants;
console.log(c.HTTP2_HEADER_STATUS, c.HTTP2_METHOD_GET, c.HTTP_STATUS_IM_A_TEAPOT, c.NGHTTP2_CANCEL, Object.keys(c).length);
console.log(JSON.stringify(http2.getDefaultSettings()), typeof http2.sensitiveHeaders);

const o = {};
o.__defineGetter__('x', function () { return 42; });
o.__defineSetter__('y', function (v) { this._y = v * 2; });
o.y = 5;
console.log(o.x, o._y, typeof o.__lookupGetter__('x'), o.__lookupGetter__('y'), typeof Object.create(o).__lookupSetter__('y'));
console.log(Object.keys(o).join(','), Object.prototype.propertyIsEnumerable('__defineGetter__'), o.__defineGetter__.name);
try { o.__defineGetter__('z', 1); } catch (e) { console.log(e.constructor.name); }

function where() {
  const obj = {};
  const prep = Error.prepareStackTrace;
  Error.prepareStackTrace = (_, stack) => stack;
  Error.captureStackTrace(obj);
  const stack = obj.stack;
  Error.prepareStackTrace = prep;
  return stack;
}
function caller() { return where(); }
const sites = caller();
const site = sites.find((s) => s.getFunctionName() === 'caller');
console.log(Array.isArray(sites), typeof sites[0].getFileName, require('path').basename(site.getFileName()), site.getLineNumber(),
  typeof site.getColumnNumber(), site.isEval(), site.isNative());
