// Messenger throughput: run natively with
//   bin/ebbnode run --memory 512 benchmarks/messenger/messenger.js [MiB] [syncWrites]
// from a scratch directory (it writes and removes msgbench.tmp there).
// It prints guest->host and host->guest MB/s for one file of MiB mebibytes
// (writeFileSync, readFileSync), checked byte for byte, and the mean round
// trip of a 1-byte fs.writeSync.
'use strict';
const fs = require('fs');

const mib = +(process.argv[2] || 16);
const syncWrites = +(process.argv[3] || 500);
const file = 'msgbench.tmp';

const data = Buffer.alloc(mib << 20);
for (let i = 0; i < data.length; i += 4096) data.writeUInt32LE(i >>> 0, i);

function timed(f) {
  const t0 = Date.now();
  const r = f();
  return [r, Math.max(Date.now() - t0, 1) / 1000];
}

const [, tw] = timed(() => fs.writeFileSync(file, data));
const [back, tr] = timed(() => fs.readFileSync(file));
if (!back.equals(data)) {
  console.error('messenger bench: the file read back differs from what was written');
  process.exit(1);
}
const fd = fs.openSync(file, 'w');
const one = Buffer.from('x');
const [, ts] = timed(() => { for (let i = 0; i < syncWrites; i++) fs.writeSync(fd, one); });
fs.closeSync(fd);
if (fs.statSync(file).size !== syncWrites) {
  console.error('messenger bench: sync writes lost bytes');
  process.exit(1);
}
fs.unlinkSync(file);

const mb = data.length / 1e6;
console.log(`messenger: ${mib} MiB guest->host ${(mb / tw).toFixed(1)} MB/s, host->guest ${(mb / tr).toFixed(1)} MB/s; ` +
  `1-byte writeSync round trip ${(ts * 1e6 / syncWrites).toFixed(0)} us (${syncWrites} writes)`);
