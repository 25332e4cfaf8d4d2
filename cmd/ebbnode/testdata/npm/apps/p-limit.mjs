// p-limit (ESM-only): concurrency limit with timers, order of events.
import pLimit from 'p-limit';
const limit = pLimit(2);
const log = [];
let active = 0, maxActive = 0;
const task = (i) => limit(async () => {
  active++; maxActive = Math.max(maxActive, active);
  log.push('start ' + i);
  await new Promise((r) => setTimeout(r, 10 * (i + 1)));
  active--;
  log.push('end ' + i);
  return i * i;
});
const results = await Promise.all([0, 1, 2, 3, 4].map(task));
console.log(results, 'max active', maxActive, 'pending', limit.pendingCount);
console.log(log.join(', '));
