// CPU-bound JS split over worker_threads, for the parallel-speedup
// benchmark (issue 10, item 7). The same script runs under node, `ebbnode
// exec`, the native image and `ebbnode exec` in the Linux VM.
//
//   workers.js [N] [ITEMS]     (or env WORKERS=N ITEMS=...)
//
// N workers (default 2; 0 computes on the main thread, no workers) each
// hash an equal share of ITEMS integers (default 1,000,000). The checksum
// is the same for every N, so a run that splits the work wrongly shows it.
// Prints one line: workers=N items=ITEMS checksum=HEX elapsed_ms=MS, where
// the time runs from before the first Worker is made until the last
// result arrives (worker start-up included, as a user would see it).
'use strict';
const { Worker, isMainThread, parentPort, workerData } = require('worker_threads');

// work hashes the integers in [lo, hi) and returns their sum mod 2^32.
function work(lo, hi) {
  let sum = 0;
  for (let i = lo; i < hi; i++) {
    let h = i;
    for (let r = 0; r < 4; r++) {
      h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
      h = Math.imul(h ^ (h >>> 13), 0x2c1b3c6d);
    }
    sum = (sum + ((h ^ (h >>> 16)) >>> 0)) >>> 0;
  }
  return sum;
}

if (!isMainThread) {
  parentPort.postMessage(work(workerData.lo, workerData.hi));
} else {
  const arg = (i, name, def) => {
    const s = process.argv[i] !== undefined ? process.argv[i] : process.env[name];
    const n = s === undefined || s === '' ? def : Number(s);
    if (!Number.isInteger(n) || n < 0) {
      console.error(`workers.js: ${name} must be a non-negative integer, got ${JSON.stringify(s)}`);
      process.exit(2);
    }
    return n;
  };
  const n = arg(2, 'WORKERS', 2);
  const items = arg(3, 'ITEMS', 1000000);
  const report = (sum, start) => {
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    console.log(`workers=${n} items=${items} checksum=${sum.toString(16).padStart(8, '0')} elapsed_ms=${ms.toFixed(1)}`);
  };
  const start = process.hrtime.bigint();
  if (n === 0) {
    report(work(0, items), start);
  } else {
    let sum = 0;
    let left = n;
    for (let k = 0; k < n; k++) {
      const lo = Math.floor(items * k / n);
      const hi = Math.floor(items * (k + 1) / n);
      const w = new Worker(__filename, { workerData: { lo, hi } });
      w.on('message', (part) => {
        sum = (sum + part) >>> 0;
        if (--left === 0) report(sum, start);
      });
      w.on('error', (err) => { console.error(err); process.exitCode = 1; });
    }
  }
}
