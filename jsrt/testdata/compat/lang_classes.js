// Classes: fields, private fields and methods, static blocks, accessors,
// inheritance with super calls, instanceof, toString tags.
class Animal {
  static count = 0;
  static { Animal.kingdom = 'animalia'; }
  #secret = 'hidden';
  legs = 4;
  constructor(name) { this.name = name; Animal.count++; }
  speak() { return `${this.name} makes a sound`; }
  get description() { return `${this.name} (${this.legs} legs)`; }
  set nickname(v) { this._nick = v.toUpperCase(); }
  #privateMethod() { return this.#secret; }
  reveal() { return this.#privateMethod(); }
  static create(n) { return new this(n); }
  static isAnimal(o) { return #secret in o; }
}
class Bird extends Animal {
  legs = 2;
  constructor(name, canFly = true) { super(name); this.canFly = canFly; }
  speak() { return super.speak() + ' (tweet)'; }
  get [Symbol.toStringTag]() { return 'Bird'; }
}
const d = new Animal('Dog');
const b = Bird.create('Robin');
console.log(d.speak(), '|', b.speak());
console.log(d.description, '|', b.description);
b.nickname = 'robbie';
console.log(b._nick, b.reveal(), Animal.isAnimal(b), Animal.isAnimal({}));
console.log(Animal.count, Bird.count, Animal.kingdom);
console.log(b instanceof Bird, b instanceof Animal, Object.getPrototypeOf(Bird) === Animal);
console.log(String(b), Object.prototype.toString.call(d));
console.log(typeof Animal, Animal.name, Bird.name, d.constructor.name);
console.log(Object.keys(b).join(','), JSON.stringify(b));
console.log(Object.getOwnPropertyNames(Animal.prototype).join(','));
const Anon = class {};
console.log(Anon.name, (class {}).name === '');
class Temp { static [`computed${1 + 1}`]() { return 'computed'; } }
console.log(Temp.computed2());
class Counter {
  #n = 0;
  inc() { this.#n++; return this; }
  get value() { return this.#n; }
}
console.log(new Counter().inc().inc().value);
const mixin = (Base) => class extends Base { mixed() { return 'mixed:' + this.name; } };
console.log(new (mixin(Animal))('Cat').mixed());
try { class X { #p; static get(o) { return o.#p; } } X.get({}); } catch (e) { console.log('private brand check', e.name); }
