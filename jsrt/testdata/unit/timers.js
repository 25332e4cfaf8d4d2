// Timeout and Immediate objects, ref/unref, refresh, ids, timers/promises.
console.log(typeof structuredClone, typeof AbortController, typeof queueMicrotask);
const started = Date.now();
const t = setTimeout(() => {}, 50);
const r = setTimeout(() => console.log('refreshed timer fired', Date.now() - started >= 149), 100);
console.log(typeof t, t.hasRef(), typeof +t, typeof t[Symbol.toPrimitive], t.unref() === t, t.hasRef(), t.ref().hasRef());
setTimeout(() => r.refresh(), 50);
const id = +setTimeout(() => console.log('never: cleared by id'), 5);
clearTimeout(id);
let immLog = 'immediate did not run';
const im = setImmediate((a, b) => { immLog = 'immediate ' + a + ' ' + b; }, 'x', 'y');
process.on('exit', () => console.log(immLog));
console.log(im.hasRef(), typeof clearImmediate);
const im2 = setImmediate(() => console.log('never: cleared immediate'));
clearImmediate(im2);
const tt = setTimeout(function (x) { console.log('this is timeout', this === tt, x); }, 1, 'arg');
let n = 0;
const iv = setInterval(() => { if (++n === 3) { clearInterval(iv); console.log('interval done', n); } }, 1);
setTimeout(() => console.log('unref keeps nothing alive'), 1e6).unref();
const tp = require('timers/promises');
tp.setTimeout(2, 'value').then((v) => console.log('promises.setTimeout', v));
require('util').promisify(setTimeout)(3, 'p').then((v) => console.log('promisified', v));
process.env.NUM = 42;
console.log(typeof process.env.NUM, process.env.NUM);
try { setTimeout('code'); } catch (e) { console.log(e.code, e.message); }
