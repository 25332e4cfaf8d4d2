// Globals jsrt adds on top of goja: V8's Error.captureStackTrace,
// structuredClone, AbortController, EventTarget, Symbol.asyncIterator.
class MyErr extends Error {
  constructor(m) { super(m); this.name = 'MyErr'; Error.captureStackTrace(this, MyErr); }
}
const e = new MyErr('boom');
console.log(e.stack.split('\n')[0], e instanceof MyErr, Object.keys(e), typeof Error.stackTraceLimit);
const src = { a: [1, { b: new Date(0) }], m: new Map([[1, { deep: true }]]), s: new Set(['x']) };
src.self = src;
const c = structuredClone(src);
console.log(c !== src, c.self === c, c.a[1].b.getTime(), c.m.get(1).deep, c.s.has('x'), c.m.get(1) !== src.m.get(1));
try { structuredClone(() => 1); } catch (err) { console.log(err.name); }
const ac = new AbortController();
ac.signal.addEventListener('abort', (ev) => console.log('abort event', ev.type, ac.signal.aborted, ac.signal.reason.name));
ac.abort();
const et = new EventTarget();
et.addEventListener('ping', (ev) => console.log('once', ev.detail), { once: true });
et.dispatchEvent(new CustomEvent('ping', { detail: 1 }));
et.dispatchEvent(new CustomEvent('ping', { detail: 2 }));
console.log(typeof Symbol.asyncIterator, typeof globalThis.crypto.getRandomValues);
console.log(Object.keys(globalThis).slice(0, 9).join(), typeof global, global === globalThis);
