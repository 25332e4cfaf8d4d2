// worker_threads: a Worker runs this file again with isMainThread false;
// workerData arrives cloned, 'online' comes before the worker's messages,
// which keep their order, and 'exit' comes last with the exit code. A
// listening parentPort keeps the worker alive until it closes the port.
// Worker output goes through the parent: it appears after the parent's
// synchronous code. argv and env options reach the worker's process.
// cpus: 2
const { Worker, isMainThread, parentPort, workerData, threadId } = require('worker_threads');
if (isMainThread) {
  console.log('main', threadId, isMainThread, parentPort, workerData);
  const w = new Worker(__filename, {
    workerData: { n: 3, list: [1, 'two', { three: 3 }], when: new Date(0), tags: new Set(['a']) },
    argv: ['x', 1], env: { ONLY: 'this' },
  });
  w.on('online', () => console.log('online'));
  w.on('message', (m) => {
    console.log('main got', m);
    if (m === 'done') w.postMessage({ reply: 'bye' });
  });
  w.on('error', (e) => console.log('error', e));
  w.on('exit', (code) => {
    console.log('exit', code);
    second();
  });
  console.log('main sync end', w.threadId, typeof w.postMessage, typeof w.terminate);
} else if (workerData.n) {
  console.log('worker', threadId, isMainThread, workerData, process.argv.slice(2), process.env);
  for (let i = 0; i < workerData.n; i++) parentPort.postMessage({ i });
  parentPort.postMessage('done');
  parentPort.on('message', (m) => {
    parentPort.postMessage(['worker got', m]);
    parentPort.close();
  });
} else {
  // The second worker: many messages in a burst, each in order.
  for (let i = 0; i < 100; i++) parentPort.postMessage(i);
}

function second() {
  const w = new Worker(__filename, { workerData: {} });
  const got = [];
  w.on('message', (m) => got.push(m));
  w.on('exit', (code) => {
    console.log('burst', got.length, got.every((m, i) => m === i), code);
  });
}
