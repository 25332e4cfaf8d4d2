// console.count/countReset, console.table, console.dir with options, nested
// groups with multi-line values, console.log of many argument kinds.
console.count();
console.count('x');
console.count();
console.countReset('x');
console.count('x');
console.table([{ a: 1, b: 'two' }, { a: 3, c: true }]);
console.table([[1, 2], [3, 4]]);
console.table({ r1: { c: 1 }, r2: { c: 2 } });
console.table([{ a: 1, b: 2 }], ['b']);
console.table('not tabular');
console.dir({ a: { b: { c: { d: 1 } } } }, { depth: 0 });
console.dir({ a: { b: { c: { d: 1 } } } }, { depth: null });
console.group('outer');
console.log({ multi: 'line', obj: { x: [1, 2, 3], y: 'a'.repeat(60) } });
console.group();
console.info('inner info');
console.groupEnd();
console.groupCollapsed('collapsed');
console.log('inside collapsed');
console.groupEnd();
console.groupEnd();
console.groupEnd();
console.log('after extra groupEnd');
console.log('%o', { a: 1 });
