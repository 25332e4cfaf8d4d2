// SharedArrayBuffer and Atomics: the operations and their errors on one
// thread, then memory shared with workers: Atomics.wait blocks a worker
// until the main thread's notify (which counts the waiters it woke),
// Atomics.add from four workers at once loses no update, and a worker's
// writes are seen by the main thread; Atomics.waitAsync's promise settles
// on a worker's notify.
// cpus: 2
const { Worker, isMainThread, parentPort, workerData } = require('worker_threads');
if (!isMainThread) {
  const ia = new Int32Array(workerData.sab);
  if (workerData.role === 'waiter') {
    const r = Atomics.wait(ia, 0, 0);
    Atomics.store(ia, 1, 42);
    parentPort.postMessage('woke ' + r);
  } else if (workerData.role === 'notifier') {
    Atomics.store(ia, 3, 1);
    parentPort.postMessage('notify woke ' + Atomics.notify(ia, 3));
  } else {
    for (let i = 0; i < 2000; i++) Atomics.add(ia, 2, 1);
    new Uint8Array(workerData.sab)[12 + workerData.i] = 1;
  }
  return;
}
const sab = new SharedArrayBuffer(16);
console.log(Object.prototype.toString.call(sab), sab instanceof ArrayBuffer, sab.byteLength, sab.slice(2).byteLength,
  sab.slice(-3, -1).byteLength, sab.growable, sab.maxByteLength, typeof SharedArrayBuffer, SharedArrayBuffer.name);
const ia = new Int32Array(sab);
console.log(Atomics.add(ia, 0, 5), Atomics.load(ia, 0), Atomics.store(ia, 1, 3.7), Atomics.compareExchange(ia, 0, 5, 9),
  Atomics.compareExchange(ia, 0, 5, 1), ia[0], Atomics.sub(ia, 1, 10), ia[1], Atomics.and(ia, 0, 3), Atomics.or(ia, 0, 4),
  Atomics.xor(ia, 0, 1), ia[0], Atomics.exchange(ia, 0, 2 ** 32 + 7), ia[0]);
const u8 = new Uint8Array(sab, 4, 4);
console.log(Atomics.sub(u8, 0, 10), u8[0], Atomics.xor(u8, 1, 255), Atomics.exchange(u8, 2, 300), u8[2], ia[1]);
const i16 = new Int16Array(sab, 8, 2);
console.log(Atomics.add(i16, 1, 40000), i16[1], Atomics.load(new Uint16Array(sab, 8, 2), 1));
const b = new BigInt64Array(new SharedArrayBuffer(16));
console.log(Atomics.add(b, 0, -1n), Atomics.load(b, 0), Atomics.sub(new BigUint64Array(b.buffer), 1, 1n), b[1]);
const plain = new Int32Array(4);
console.log(Atomics.add(plain, 0, 2), Atomics.load(plain, 0), Atomics.notify(plain, 0));
for (const f of [() => Atomics.add(new Float64Array(2), 0, 1), () => Atomics.add(ia, 5, 1), () => Atomics.wait(plain, 0, 0),
  () => Atomics.wait(new Int16Array(sab), 0, 0), () => SharedArrayBuffer(2), () => Atomics.load([1], 0)]) {
  try { f(); console.log('no throw'); } catch (e) { console.log(e.name, e.message); }
}
ia.fill(0);
console.log(Atomics.wait(ia, 0, 1), Atomics.wait(ia, 0, 0, 10), Atomics.notify(ia, 0), String(Atomics),
  Atomics.isLockFree(4), Atomics.isLockFree(3));

const w = new Worker(__filename, { workerData: { sab, role: 'waiter' } });
// Spin until the worker waits: notify then wakes exactly one waiter.
let woken = 0;
while ((woken = Atomics.notify(ia, 0, 1)) === 0);
console.log('notify woke', woken);
w.on('message', (m) => console.log('main got', m, Atomics.load(ia, 1)));
w.on('exit', (c) => {
  console.log('waiter exit', c);
  let left = 4;
  for (let i = 0; i < 4; i++) {
    new Worker(__filename, { workerData: { sab, role: 'adder', i } }).on('exit', () => {
      if (--left === 0) {
        console.log('sum', Atomics.load(ia, 2), Array.from(new Uint8Array(sab, 12, 4)));
        waitAsync();
      }
    });
  }
});

// Atomics.waitAsync: settled at once when the value differs or the timeout
// is 0, else a promise that a notify from a worker resolves.
function waitAsync() {
  ia[3] = 0;
  console.log(Atomics.waitAsync(ia, 3, 1), Atomics.waitAsync(ia, 3, 0, 0));
  const r = Atomics.waitAsync(ia, 3, 0);
  console.log(r.async, r.value instanceof Promise);
  // The promise and the worker's message race (in node too): print both
  // once both are in, in a fixed order.
  const seen = [];
  const both = (s) => { if (seen.push(s) === 2) console.log(seen.sort().join('\n')); };
  r.value.then((v) => both('waitAsync ' + v));
  new Worker(__filename, { workerData: { sab, role: 'notifier' } }).on('message', both);
}
