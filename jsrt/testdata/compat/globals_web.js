// Web-platform globals node 20 has: atob/btoa, structuredClone,
// AbortController/AbortSignal, EventTarget/Event, TextEncoder/Decoder, URL.
console.log(btoa('hello'), atob('aGVsbG8='), btoa(''), atob('YQ'));
try { btoa('€'); } catch (e) { console.log('btoa non-latin1', e.name); }
const src = { d: new Date(0), m: new Map([[1, { x: [1, 2] }]]), s: new Set([1]), nested: { arr: [1, { y: 2 }] } };
src.self = src;
const clone = structuredClone(src);
console.log(clone !== src, clone.self === clone, clone.d instanceof Date, clone.d.getTime(), clone.m.get(1).x.join(), clone.s.has(1), clone.nested.arr[1].y);
try { structuredClone({ f() {} }); } catch (e) { console.log('clone function', e.name); }
const ac = new AbortController();
ac.signal.addEventListener('abort', () => console.log('abort event', ac.signal.aborted));
console.log('aborted before', ac.signal.aborted);
ac.abort();
console.log('reason', ac.signal.reason instanceof Error, ac.signal.reason.name);
console.log('AbortSignal.abort', AbortSignal.abort().aborted);
const et = new EventTarget();
et.addEventListener('ping', (ev) => console.log('event', ev.type, ev instanceof Event, ev.target === et));
et.addEventListener('ping', () => console.log('once listener'), { once: true });
et.dispatchEvent(new Event('ping'));
et.dispatchEvent(new Event('ping'));
console.log(typeof queueMicrotask, typeof setImmediate, typeof clearImmediate, typeof structuredClone, typeof URL, typeof URLSearchParams);
console.log(typeof TextEncoder, typeof TextDecoder, typeof performance, typeof global, typeof globalThis.process, typeof Buffer);
console.log(Object.prototype.toString.call(globalThis), typeof require('events').EventEmitter);
