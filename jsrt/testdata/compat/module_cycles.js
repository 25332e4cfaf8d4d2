// Cycles: b sees a's partial exports at the time of the cyclic require.
const a = require('./fixtures/cycle/a');
console.log('aEarly', a.aEarly);
console.log('aLate', a.aLate);
console.log('b saw', a.bSawA);
console.log('b done', a.bDone);
const b = require('./fixtures/cycle/b');
console.log('b cached', b.done, b.sawA === a.bSawA);
