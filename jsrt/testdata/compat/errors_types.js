// The class of the error thrown by common mistakes is fixed by the language
// spec; only e.name is compared here because the message wording differs
// between V8 and other engines.
const cases = {
  callUndefined: () => { const u = undefined; u(); },
  callMissingMethod: () => { const o = {}; o.nope(); },
  readOfUndefined: () => { const u = undefined; return u.x; },
  readOfNull: () => { const n = null; return n.x; },
  writeToFrozenStrict: () => { 'use strict'; Object.freeze({ a: 1 }).a = 2; },
  classWithoutNew: () => { class A {} A(); },
  thisBeforeSuper: () => { class A extends Object { constructor() { this.x = 1; super(); } } new A(); },
  destructureNull: () => { const { a } = null; return a; },
  iterateNumber: () => { for (const x of 5) return x; },
  spreadObject: () => [...{}],
  inOnPrimitive: () => 1 in 1,
  badInstanceof: () => ({}) instanceof 1,
  reduceEmpty: () => [].reduce((a, b) => a + b),
  repeatNegative: () => 'x'.repeat(-1),
  badJSON: () => JSON.parse('{bad'),
  circularJSON: () => { const o = {}; o.o = o; return JSON.stringify(o); },
  toFixedRange: () => (1).toFixed(101),
  badURI: () => decodeURIComponent('%'),
  tdz: () => { let x = y; let y = 1; return x; },
  notAConstructor: () => new (() => {})(),
};
for (const [name, fn] of Object.entries(cases)) {
  try {
    fn();
    console.log(name, 'did not throw');
  } catch (e) {
    console.log(name, e.name, e instanceof Error);
  }
}
