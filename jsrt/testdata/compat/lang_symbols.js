// Symbols: registry, description, well-known symbols that change language
// behaviour (toPrimitive, toStringTag, hasInstance, isConcatSpreadable,
// species, iterator on plain objects), symbol keys and JSON.
const s = Symbol('desc');
console.log(s.description, Symbol().description, s.toString(), typeof s);
console.log(Symbol.for('k') === Symbol.for('k'), Symbol.keyFor(Symbol.for('k')), Symbol.keyFor(s));
const money = { [Symbol.toPrimitive](hint) { return hint === 'number' ? 42 : hint === 'string' ? 'forty-two' : 'default'; } };
console.log(+money, `${money}`, money + '', money * 2);
class Tagged { get [Symbol.toStringTag]() { return 'MyTag'; } }
console.log(Object.prototype.toString.call(new Tagged()), String(new Tagged()));
class Even { static [Symbol.hasInstance](n) { return n % 2 === 0; } }
console.log(2 instanceof Even, 3 instanceof Even);
const spreadable = { length: 2, 0: 'a', 1: 'b', [Symbol.isConcatSpreadable]: true };
console.log([1].concat(spreadable).join(), [1].concat([2, 3]).length);
const noSpread = [4, 5];
noSpread[Symbol.isConcatSpreadable] = false;
console.log([1].concat(noSpread).length);
class MyArr extends Array { static get [Symbol.species]() { return Array; } }
const ma = MyArr.from([1, 2, 3]);
console.log(ma instanceof MyArr, ma.map((v) => v).constructor.name);
const o = { [s]: 1, visible: 2 };
console.log(Object.keys(o).length, Object.getOwnPropertySymbols(o).length, JSON.stringify(o), s in o);
console.log(Reflect.ownKeys(o).map(String).join(','));
console.log(Object(s) instanceof Symbol, typeof Object(s), Symbol.prototype.toString.call(s));
try { new Symbol(); } catch (e) { console.log('new Symbol', e.name); }
try { `${s}`; } catch (e) { console.log('template of symbol', e.name); }
console.log(String(s), [Symbol.iterator, Symbol.asyncIterator, Symbol.match, Symbol.replace].map((x) => x.description).join(','));
