// assert.deepStrictEqual / deepEqual across types: pass or fail only.
const assert = require('assert');
const check = (label, a, b) => {
  const r = [];
  for (const fn of ['deepStrictEqual', 'deepEqual']) {
    try { assert[fn](a, b); r.push('pass'); } catch (e) { r.push(e.code === 'ERR_ASSERTION' ? 'fail' : 'other:' + e.name); }
  }
  console.log(label.padEnd(22), r.join(' '));
};
check('numbers vs strings', [1, 2], ['1', '2']);
check('-0 vs 0', -0, 0);
check('NaN', NaN, NaN);
check('Maps same', new Map([[1, { a: 1 }]]), new Map([[1, { a: 1 }]]));
check('Maps differ', new Map([[1, 2]]), new Map([[1, 3]]));
check('Set order', new Set([1, 2]), new Set([2, 1]));
check('Set objects', new Set([{ a: 1 }]), new Set([{ a: 1 }]));
check('Dates', new Date(0), new Date(0));
check('Dates differ', new Date(0), new Date(1));
check('RegExp', /a/g, /a/g);
check('RegExp flags', /a/g, /a/i);
check('prototype differs', Object.create(null), {});
check('class vs plain', new (class P { constructor() { this.x = 1; } })(), { x: 1 });
check('symbol keys', { [Symbol.for('s')]: 1 }, { [Symbol.for('s')]: 1 });
check('undefined prop', { a: undefined }, {});
check('array holes', [1, , 3], [1, undefined, 3]);
check('boxed', new Number(1), new Number(1));
check('buffers', Buffer.from('a'), Buffer.from('a'));
check('typed vs buffer', new Uint8Array([97]), Buffer.from('a'));
check('errors', new Error('a'), new Error('a'));
check('circular', (() => { const o = {}; o.o = o; return o; })(), (() => { const o = {}; o.o = o; return o; })());
check('nested arrays', [[1, [2]]], [[1, [2]]]);
check('null vs undefined', null, undefined);
check('1 vs true', 1, true);
