// util.inspect shows a proxy as its target without running its traps, or
// as Proxy [ target, handler ] with showProxy; a revoked one as such.
const util = require('util');
const p = new Proxy({ a: 1 }, { get() { return 5; }, ownKeys() { console.log('trap!'); return ['a']; } });
console.log(util.inspect(p, { showProxy: true }));
console.log(util.inspect(p));
console.log(p);
console.log(util.inspect(new Proxy([1, 2], {}), { showProxy: true }));
console.log(util.inspect({ nested: new Proxy(function f() {}, {}) }, { showProxy: true }));
const r = Proxy.revocable({}, {});
r.revoke();
console.log(util.inspect(r.proxy), util.inspect(r.proxy, { showProxy: true }));
console.log(util.inspect(new Proxy(new Proxy({ x: 1 }, {}), {}), { showProxy: true, depth: 0 }));
console.log(util.format('%o', new Proxy({ y: 2 }, {})));
console.log(util.types.isProxy(p), p.a, util.isDeepStrictEqual(p, { a: 5 }));
const custom = new Proxy({ [util.inspect.custom]() { return 'custom!'; } }, {});
console.log(util.inspect(custom), util.inspect(custom, { showProxy: true }));
