// Event-loop ordering that node 20 makes deterministic.
const log = [];
const fs = require('fs');
process.nextTick(() => log.push('tick1'));
Promise.resolve().then(() => {
  log.push('promise1');
  process.nextTick(() => log.push('tick-from-promise'));
}).then(() => log.push('promise2'));
queueMicrotask(() => log.push('microtask'));
process.nextTick(() => {
  log.push('tick2');
  Promise.resolve().then(() => log.push('promise-from-tick'));
  process.nextTick(() => log.push('tick3'));
});
setTimeout(() => {
  log.push('timeout1');
  process.nextTick(() => log.push('tick-in-timeout1'));
  Promise.resolve().then(() => log.push('promise-in-timeout1'));
}, 1);
setTimeout(() => log.push('timeout2'), 1);
setTimeout(() => log.push('timeout-late'), 30);
const iv = setInterval(() => {
  log.push('interval');
  if (log.filter((x) => x === 'interval').length === 3) clearInterval(iv);
}, 5);
fs.readFile(__filename, () => {
  log.push('io');
  setTimeout(() => log.push('io-timeout'), 0);
  setImmediate(() => log.push('io-immediate'));
  process.nextTick(() => log.push('io-tick'));
});
const cleared = setTimeout(() => log.push('cleared!'), 2);
clearTimeout(cleared);
const unrefd = setTimeout(() => log.push('unref-fired'), 1000);
unrefd.unref();
log.push('sync');
process.on('exit', (code) => {
  const sorted = log.filter((x) => !['interval', 'io', 'io-tick', 'io-immediate', 'io-timeout'].includes(x));
  console.log(sorted.join(' '));
  const io = log.filter((x) => x.startsWith('io'));
  console.log(io.join(' '));
  console.log('intervals', log.filter((x) => x === 'interval').length, 'hasRef', unrefd.hasRef(), 'code', code);
});
