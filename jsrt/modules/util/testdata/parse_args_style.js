const util = require('util');
console.log(JSON.stringify([util.styleText('red', 'x'), util.styleText(['red'], 'x'), util.styleText(['red', 'bold'], 'x'), util.styleText(['grey', 'bgBlackBright'], 'g')]));
console.log(Object.keys(util.inspect.colors).length, util.inspect.colors.grey, Object.getOwnPropertyNames(util.inspect.colors).length);
try { util.styleText(['nope'], 'x') } catch (e) { console.log(e.code, e.message) }
try { util.styleText('red', 5) } catch (e) { console.log(e.code, e.message) }
console.log(util.getSystemErrorName(-2), util.getSystemErrorName(-13), util.getSystemErrorMap().get(-2), util.getSystemErrorMap().get(-17), util.isBuffer(Buffer.alloc(1)), util.isBuffer(new Uint8Array(1)), util._extend({a: 1}, {b: 2}));
try { util.getSystemErrorName(2) } catch (e) { console.log(e.code, e.message) }
const opts = { file: { type: 'string', short: 'f' }, verbose: { type: 'boolean', short: 'v' } };
for (const a of [['--unknown'], ['pos'], ['-f'], ['--verbose=1'], ['-x'], ['-f', '-v'], ['--file'], ['-vf'], ['-f', 'x', '-v', '--file=y']]) { try { console.log(util.parseArgs({ args: a, options: opts })) } catch (e) { console.log(e.code, JSON.stringify(e.message)) } }
try { util.parseArgs({ args: ['--unknown'], options: opts, allowPositionals: true }) } catch (e) { console.log(e.code, JSON.stringify(e.message)) }
try { util.parseArgs({ args: ['--file', '--x'], options: opts }) } catch (e) { console.log(e.code, JSON.stringify(e.message)) }
console.log(util.parseArgs({ args: ['-vvv', '--x', 'y', '--no-color', '-f=3'], strict: false, options: {} }));
console.log(util.parseArgs({ args: ['a', '-b', '--c=d', '--', 'e'], tokens: true, strict: false }));
console.log(util.parseArgs({ args: ['-fvalue', '-vf', 'x', '--', '-c', 'c1'], options: { file: { type: 'string', short: 'f', multiple: true }, v: { type: 'boolean', short: 'v' } }, allowPositionals: true }));
console.log(util.parseArgs({ args: ["-c", "c1", "-c", "c2", "-ab"], options: { c: { type: 'string', short: 'c', multiple: true }, a: { type: 'boolean', short: 'a' }, b: { type: 'boolean', short: 'b' }, d: { type: 'string', default: 'D' }, e: { type: 'boolean', multiple: true, default: [false] } }, tokens: true }));
try { util.parseArgs({ args: [], options: { f: { type: 'number' } } }) } catch (e) { console.log(e.code, e.message) }
try { util.parseArgs({ args: [], options: { file: { type: 'string', short: 'ff' } } }) } catch (e) { console.log(e.code, e.message) }
