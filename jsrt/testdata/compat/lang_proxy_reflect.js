// Proxy traps (get/set/has/deleteProperty/ownKeys/apply/construct),
// revocable proxies, Reflect methods.
const log = [];
const target = { a: 1, b: 2 };
const handler = {
  get(t, k, r) { log.push(`get ${String(k)}`); return k in t ? Reflect.get(t, k, r) : `default:${String(k)}`; },
  set(t, k, v) { log.push(`set ${k}=${v}`); t[k] = v * 2; return true; },
  has(t, k) { log.push(`has ${k}`); return k !== 'b' && k in t; },
  deleteProperty(t, k) { log.push(`delete ${k}`); delete t[k]; return true; },
  ownKeys(t) { log.push('ownKeys'); return [...Reflect.ownKeys(t), 'virtual']; },
  getOwnPropertyDescriptor(t, k) { return k === 'virtual' ? { value: 'v', enumerable: true, configurable: true } : Reflect.getOwnPropertyDescriptor(t, k); },
};
const p = new Proxy(target, handler);
console.log(p.a, p.zzz);
p.c = 5;
console.log(target.c, 'a' in p, 'b' in p);
delete p.a;
console.log(JSON.stringify(Object.keys(p)), JSON.stringify(target));
console.log(log.join(' | '));
const fn = new Proxy(function (x) { return x + 1; }, {
  apply(t, thisArg, args) { return 'apply:' + t(...args); },
  construct(t, args) { return { constructed: args }; },
});
console.log(fn(1), JSON.stringify(new fn(1, 2)));
const { proxy, revoke } = Proxy.revocable({}, {});
proxy.x = 1;
console.log(proxy.x);
revoke();
try { proxy.x; } catch (e) { console.log('revoked', e.name); }
console.log(Reflect.has({ x: 1 }, 'x'), Reflect.ownKeys({ b: 1, a: 2, [Symbol('s')]: 3 }).length, Reflect.getPrototypeOf([]) === Array.prototype);
console.log(Reflect.apply(Math.max, null, [1, 3, 2]), JSON.stringify(Reflect.construct(Date, [0])), Reflect.defineProperty({}, 'x', { value: 1 }));
const frozen = Object.freeze({ y: 1 });
console.log(Reflect.set(frozen, 'y', 2), Reflect.deleteProperty(frozen, 'y'), Reflect.isExtensible(frozen));
class A { constructor() { this.kind = new.target.name; } }
class B extends A {}
console.log(Reflect.construct(A, [], B).kind, Reflect.construct(A, [], B) instanceof B);
const negIndex = new Proxy([1, 2, 3], { get: (t, k, r) => Reflect.get(t, typeof k === 'string' && k < 0 ? String(t.length + Number(k)) : k, r) });
console.log(negIndex[-1], negIndex.length, Array.isArray(negIndex));
