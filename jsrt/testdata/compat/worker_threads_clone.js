// worker_threads: postMessage clones with the structured-clone algorithm
// (cycles and shared references kept; Map, Set, Date, RegExp, typed arrays
// and their buffers, Errors with cause, boxed primitives, sparse arrays;
// classes lose their prototype, getters are read) and throws node's errors
// for what cannot be cloned or transferred. Transferring an ArrayBuffer
// detaches it in the sender; a transferred MessagePort keeps its messages.
const { MessageChannel, receiveMessageOnPort, Worker } = require('worker_threads');
const { port1, port2 } = new MessageChannel();
const rt = (v, t) => { port1.postMessage(v, t); return receiveMessageOnPort(port2).message; };
const o = { a: 1 }; o.self = o;
const arr = [1, , 3]; arr.x = 'y';
const ab = new ArrayBuffer(8);
const shared = [ab, new Uint8Array(ab, 2, 3), new DataView(ab, 1, 4)];
const v = rt({ o, arr, d: new Date(86400000), r: /a+b/gim, m: new Map([[{ k: 1 }, new Set([1, 'x'])]]),
  b: Buffer.from('hi'), f32: new Float32Array([1.5, -2]), big: 123n, b64: new BigInt64Array([-5n]), neg0: -0, nan: NaN,
  inf: -Infinity, u: undefined, nul: null, str: 'h\u00e9llo \u{1F600}', bools: [true, false],
  boxed: [new Number(3), new String('s'), new Boolean(false), Object(7n)], nested: { deep: { deeper: [[[]]] } }, shared });
console.log(v);
console.log(v.o.self === v.o, v.shared[1].buffer === v.shared[0], v.shared[2].buffer === v.shared[0], Object.is(v.neg0, -0));
const err = rt(new RangeError('r', { cause: new Error('c') }));
console.log(err instanceof RangeError, err.name, err.message, err.cause.message, Object.getOwnPropertyNames(err));
class MyError extends TypeError { constructor(m) { super(m); this.code = 'MINE'; } }
const mine = rt(new MyError('sub'));
console.log(mine.constructor.name, mine.message, mine.code, Object.keys(mine));
class K { constructor() { this.a = 1; } get g() { return 2; } m() {} }
console.log(rt(new K()), rt(Object.create(null)), rt('s'), rt(5), rt(null), rt({ get x() { return 'got'; } }));
for (const bad of [() => 1, Symbol('s'), { f() {} }, [Symbol.iterator], new WeakMap(), Promise.resolve()]) {
  try { rt(bad); console.log('cloned?'); } catch (e) { console.log(e.name, e.message, e.code, e instanceof Error); }
}
// transfer
const t = new ArrayBuffer(4); new Uint8Array(t).set([1, 2, 3, 4]);
const view = new Uint8Array(t);
const got = rt({ t, view }, [t]);
console.log(t.byteLength, view.length, got.t.byteLength, got.view, got.view.buffer === got.t);
const opt = new ArrayBuffer(2);
console.log(rt(opt, { transfer: [opt] }).byteLength, opt.byteLength);
const dup = new ArrayBuffer(1);
for (const f of [() => rt(1, [dup, dup]), () => rt(1, [{}]), () => rt(1, [new SharedArrayBuffer(1)]), () => rt(1, 5),
  () => rt(1, { transfer: 5 }), () => port1.postMessage(1, [port1]), () => port1.postMessage()]) {
  try { f(); console.log('no throw'); } catch (e) { console.log(e.name, e.code, e.message); }
}
const mc = new MessageChannel();
try { rt({ p: mc.port1 }); } catch (e) { console.log(e.name, e.code, e.message); }
mc.port2.postMessage('sent before the move');
const moved = rt({ p: mc.port1 }, [mc.port1]);
mc.port2.postMessage('sent after the move');
console.log(receiveMessageOnPort(moved.p), receiveMessageOnPort(moved.p), receiveMessageOnPort(moved.p));
console.log(moved.p instanceof require('worker_threads').MessagePort, receiveMessageOnPort(port2));
try { receiveMessageOnPort({}); } catch (e) { console.log(e.name, e.code); }
// A worker sees the same clone of its workerData and of what it posts.
const w = new Worker(`const { parentPort, workerData } = require('worker_threads');
  parentPort.postMessage([workerData, workerData.m.get('k') === workerData.o]);`,
{ eval: true, workerData: (() => { const x = { o: {} }; x.m = new Map([['k', x.o]]); return x; })() });
w.on('message', (m) => console.log('from worker', m));
port1.close();
moved.p.close();
