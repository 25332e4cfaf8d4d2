// WeakRef and FinalizationRegistry (goja has neither): shapes, deref,
// register/unregister bookkeeping and V8's errors. Nothing here depends on
// garbage collection, which node does not promise either.
function show(label, fn) {
  try { console.log(label, fn()); } catch (e) { console.log(label, e.name, e.message); }
}
const target = { a: 1 };
const ref = new WeakRef(target);
console.log('deref', ref.deref() === target, String(ref), Object.prototype.toString.call(ref), ref instanceof WeakRef);
console.log('symbol target', String(new WeakRef(Symbol('s')).deref()), typeof new WeakRef(() => 1).deref());
console.log('lengths', WeakRef.length, FinalizationRegistry.length, WeakRef.prototype.deref.length,
  FinalizationRegistry.prototype.register.length, FinalizationRegistry.prototype.unregister.length);
console.log('globals', JSON.stringify(Object.getOwnPropertyDescriptor(globalThis, 'WeakRef')),
  Object.keys(globalThis).includes('FinalizationRegistry'));
console.log('prototypes', Object.getOwnPropertyNames(WeakRef.prototype).join(), Object.getOwnPropertyNames(FinalizationRegistry.prototype).join());
const registry = new FinalizationRegistry((held) => console.log('cleaned', held));
const token = {};
console.log('register', registry.register({}, 'held', token), registry.register({}, 'again', token), registry.register({}, 'no token'));
console.log('unregister', registry.unregister(token), registry.unregister(token), registry.unregister({}));
console.log('registry', String(registry));
show('primitive target', () => new WeakRef(1));
show('registered symbol', () => new WeakRef(Symbol.for('x')));
show('without new', () => WeakRef({}));
show('registry without new', () => FinalizationRegistry(() => {}));
show('cleanup not callable', () => new FinalizationRegistry(1));
show('register primitive', () => registry.register(1));
show('target is holdings', () => registry.register(target, target));
show('bad token', () => registry.register({}, 1, 5));
show('unregister bad token', () => registry.unregister('t'));
show('deref receiver', () => WeakRef.prototype.deref.call({}));
