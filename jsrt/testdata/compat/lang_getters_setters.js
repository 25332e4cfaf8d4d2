// Accessors on object literals, defineProperty descriptors, freezing and
// sealing, inheritance of accessors, enumerability.
const o = {
  _v: 1,
  get v() { return this._v * 10; },
  set v(x) { this._v = x; },
  get ro() { return 'read-only'; },
};
o.v = 5;
console.log(o.v, o._v, o.ro);
o.ro = 'ignored';
console.log(o.ro);
try { (function () { 'use strict'; o.ro = 'x'; })(); } catch (e) { console.log('strict set getter-only', e.name); }
const desc = Object.getOwnPropertyDescriptor(o, 'v');
console.log(typeof desc.get, typeof desc.set, desc.enumerable, desc.configurable);
const p = {};
Object.defineProperty(p, 'hidden', { value: 42, writable: false, enumerable: false, configurable: false });
Object.defineProperty(p, 'computed', { get() { return 'c'; }, enumerable: true });
console.log(p.hidden, Object.keys(p).join(','), JSON.stringify(p), JSON.stringify(Object.getOwnPropertyDescriptor(p, 'hidden')));
p.hidden = 1;
console.log('non-writable unchanged', p.hidden);
try { Object.defineProperty(p, 'hidden', { value: 2 }); } catch (e) { console.log('redefine', e.name); }
const child = Object.create(o);
child.v = 7;
console.log('inherited accessor', child.v, Object.hasOwn(child, '_v'), Object.hasOwn(child, 'v'), o.v);
const f = Object.freeze({ a: 1, nested: { b: 2 } });
f.a = 9;
f.nested.b = 3;
console.log(f.a, f.nested.b, Object.isFrozen(f), Object.isFrozen(f.nested));
const s = Object.seal({ a: 1 });
s.a = 2;
s.b = 3;
delete s.a;
console.log(JSON.stringify(s), Object.isSealed(s), Object.isExtensible(s));
class Temp {
  static #c = 0;
  get celsius() { return this._c; }
  set celsius(v) { this._c = v; Temp.#c++; }
  get fahrenheit() { return this._c * 9 / 5 + 32; }
  static get sets() { return Temp.#c; }
}
const t = new Temp();
t.celsius = 100;
t.celsius = 37;
console.log(t.fahrenheit, Temp.sets, 'celsius' in t, Object.keys(t).join(','));
console.log(Object.entries(Object.getOwnPropertyDescriptors({ get x() { return 1; }, y: 2 })).map(([k, d]) => k + ':' + ('get' in d ? 'accessor' : 'data')).join(','));
