// perf_hooks: performance.now is a monotonic non-negative number; timeOrigin
// is a number; mark/measure exist. No timing values are printed.
const { performance } = require('perf_hooks');
console.log('same global', performance === globalThis.performance);
const a = performance.now();
let x = 0;
for (let i = 0; i < 100000; i++) x += i;
const b = performance.now();
console.log('types', typeof a, typeof b, typeof performance.timeOrigin);
console.log('monotonic', b >= a, a >= 0, Number.isFinite(b));
console.log('timeOrigin plausible', performance.timeOrigin > 1.5e12);
let prev = performance.now();
let ok = true;
for (let i = 0; i < 1000; i++) {
  const now = performance.now();
  if (now < prev) ok = false;
  prev = now;
}
console.log('1000 reads monotonic', ok);
setTimeout(() => {
  const c = performance.now();
  console.log('after 20ms timer, elapsed >= 15', c - b >= 15);
}, 20);
console.log('hrtime.bigint', typeof process.hrtime.bigint());
console.log('toJSON', typeof performance.toJSON);
