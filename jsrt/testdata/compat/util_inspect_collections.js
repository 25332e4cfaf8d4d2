// util.inspect of Map, Set, class instances, null-prototype objects, long
// arrays (wrapping and the 100-item cap), typed arrays, circular references.
const { inspect } = require('util');
const show = (v, o) => console.log(inspect(v, o));
show(new Map([['a', 1], [{ k: 1 }, [2]]]));
show(new Set([1, 'two', { three: 3 }]));
show(new Map());
show(new Set());
show(new Map([[new Map([[1, 2]]), new Set([3])]]));
class Point { constructor() { this.x = 1; this.y = 2; } }
show(new Point());
class Empty {}
show(new Empty());
class Child extends Point { constructor() { super(); this.z = 3; } }
show(new Child());
const np = Object.create(null);
np.a = 1;
show(np);
show(Object.create(null));
show(Array.from({ length: 30 }, (_, i) => i));
show(Array.from({ length: 120 }, (_, i) => i));
show(Array.from({ length: 8 }, (_, i) => 'item-number-' + i));
show(Array.from({ length: 27 }, (_, i) => 'x'.repeat(i % 7)));
show({ longKeyNumberOne: 'value one', longKeyNumberTwo: 'value two', longKeyNumberThree: 'value three' });
show(new Uint8Array([1, 2, 3]));
show(new Float64Array(2));
show(new ArrayBuffer(3));
const circ = { name: 'c' };
circ.self = circ;
circ.arr = [circ];
show(circ);
const a = [1];
a.push(a);
show(a);
const m = new Map();
m.set('me', m);
show(m);
show(new WeakMap());
show([new Set([[1, 2]])]);
show(Object.defineProperty({}, 'hidden', { value: 1, enumerable: false }));
show(Object.defineProperty({}, 'hidden', { value: 1, enumerable: false }), { showHidden: true });
show({ get g() { return 1; }, set s(v) {}, get gs() { return 2; }, set gs(v) {} });
