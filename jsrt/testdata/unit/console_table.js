// console.table, group, count and assert, as node 20 prints them.
console.table([{ a: 1, b: 'x' }, { a: 22, c: true }]);
console.table({ r1: { x: 1 }, r2: { y: [1, 2] } });
console.table([1, 'two', { k: 3 }]);
console.table([{ a: 1, b: 2 }], ['b']);
console.table('not tabular');
console.table([]);
console.group('G');
console.log('in group\nsecond line');
console.group();
console.info('deeper');
console.groupEnd();
console.groupEnd();
console.count(); console.count(); console.count('x'); console.countReset(); console.count();
console.assert(false, 'fail %s', 'x');
console.dir({ a: { b: { c: 1 } } }, { depth: 0 });
