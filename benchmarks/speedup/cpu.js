// The speedup benchmark's JS workload: a fixed amount of CPU-bound integer
// work (a 32-bit mix function summed over [0, total)) split evenly over
// one worker_threads Worker per CPU (os.availableParallelism()), each
// summing its share; the main thread adds the shares and prints the line
// the harness parses. The sum does not depend on the number of workers.
// Usage: cpu.js [total]
'use strict';
const { Worker, isMainThread, parentPort, workerData } = require('worker_threads');
const os = require('os');

function chunk(lo, hi) {
  let s = 0;
  for (let i = lo; i < hi; i++) {
    let x = Math.imul(i, 0x9e3779b1);
    x ^= x >>> 15;
    x = Math.imul(x, 0x85ebca77);
    x ^= x >>> 13;
    s = (s + (x >>> 0)) >>> 0;
  }
  return s;
}

if (!isMainThread) {
  parentPort.postMessage(chunk(workerData.lo, workerData.hi));
} else {
  const total = Number(process.argv[2] || 400000);
  const n = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  // Timed from the first Worker's creation to the last share: starting
  // workers is part of what a program split over them waits for.
  const start = Date.now();
  let sum = 0;
  let left = n;
  for (let w = 0; w < n; w++) {
    const worker = new Worker(__filename, {
      workerData: { lo: Math.floor(w * total / n), hi: Math.floor((w + 1) * total / n) },
    });
    worker.on('message', (s) => {
      sum = (sum + s) >>> 0;
      if (--left === 0) {
        const ms = Date.now() - start;
        console.log(`speedup: js cpus=${os.cpus().length} workers=${n} ms=${ms.toFixed(1)} sum=${sum}`);
      }
    });
    worker.on('error', (e) => { console.error(e); process.exitCode = 1; });
  }
}
