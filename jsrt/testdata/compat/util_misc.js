// More util: parseArgs, stripVTControlCharacters, getSystemErrorName,
// inspect of Symbol.toStringTag objects and class statics, format of %o on
// functions is left out (engine source text).
const util = require('util');
const { values, positionals } = util.parseArgs({
  args: ['-f', '--name=bob', 'pos1', '--count', '3', 'pos2'],
  options: { f: { type: 'boolean', short: 'f' }, name: { type: 'string' }, count: { type: 'string' } },
  allowPositionals: true,
});
console.log(JSON.stringify(values), JSON.stringify(positionals));
try {
  util.parseArgs({ args: ['--nope'], options: {} });
} catch (e) {
  console.log('parseArgs unknown', e.code);
}
console.log(JSON.stringify(util.stripVTControlCharacters('\u001b[31mred\u001b[39m plain')));
console.log(util.getSystemErrorName(-2), util.getSystemErrorName(-13), util.getSystemErrorName(-17));
console.log(util.inspect({ [Symbol.toStringTag]: 'Tagged', a: 1 }));
class WithStatic { static s = 1; }
console.log(util.inspect(WithStatic), util.inspect(new (class extends Map {})()));
console.log(util.inspect(Object.create(Array.prototype)), util.inspect(Object.setPrototypeOf({ x: 1 }, null)));
console.log(util.inspect(new Error('e').message), typeof util.inspect.defaultOptions);
console.log(util.types.isExternal({}), util.types.isModuleNamespaceObject({}), util.types.isWeakSet(new WeakSet()));
console.log(util.isDeepStrictEqual(new Set([1, 2]), new Set([2, 1])), util.isDeepStrictEqual(new Map([[1, {}]]), new Map([[1, []]])));
console.log(util.format('%s', Object.create(null)), util.format('%d', {}), util.format('%i', 2n ** 64n));
console.log(util.inspect('x'.repeat(3), { compact: 3 }), util.toUSVString ? util.toUSVString('a\ud800b') === 'a\ufffdb' : 'n/a');
console.log(typeof util.debuglog('compat'), typeof util.styleText === 'function' ? JSON.stringify(util.styleText('red', 'hi')) : 'n/a');
