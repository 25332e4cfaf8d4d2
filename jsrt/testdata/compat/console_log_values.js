// console.log formats non-string arguments with util.inspect and joins them
// with spaces; console.error/warn go to stderr (compared here).
// stderr: compare
console.log('str', 1, -0, 2n, true, null, undefined, Symbol('s'));
console.log({ a: 1, nested: { arr: [1, 2, { deep: { deeper: { deepest: 1 } } }] } });
console.log([1, 'two', [3]], new Map([[1, 2]]), new Set(['x']));
console.log('%s=%d', 'x', 5, 'rest');
console.log();
console.log('');
console.log(function f() {}, class C {}, /re/g, new Date(86400000));
console.log(new Error('msg').message, Object.create(null));
console.log([undefined, null, NaN]);
console.log('multi\nline');
console.log({ toString() { return 'custom toString ignored'; } });
console.error('to stderr', { e: 1 });
console.warn('warn line');
console.info('info goes to stdout');
console.debug('debug goes to stdout');
console.log(Buffer.from('buf'));
console.log([new Array(3)], { 'a-b': 1 });
console.table === undefined ? console.log('no table') : console.log('has table');
console.log(typeof console.time, typeof console.trace, typeof console.assert);
console.assert(true, 'not printed');
console.assert(false, 'assertion %s', 'printed');
const group = console.group;
if (group) { console.group('G'); console.log('indented'); console.groupEnd(); }
console.log('end');
