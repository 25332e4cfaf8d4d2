// The nextTick queue drains fully (including ticks added while draining)
// before promise jobs; a tick queued from a promise job runs after the
// microtask queue is empty again.
const log = [];
process.nextTick(() => {
  log.push('tick-a');
  process.nextTick(() => log.push('tick-a-nested'));
  Promise.resolve().then(() => log.push('promise-from-tick'));
});
process.nextTick(() => log.push('tick-b'));
Promise.resolve().then(() => {
  log.push('promise-1');
  process.nextTick(() => log.push('tick-from-promise'));
  Promise.resolve().then(() => log.push('promise-1-nested'));
}).then(() => log.push('promise-1-then'));
Promise.resolve().then(() => log.push('promise-2'));
setTimeout(() => console.log(log.join('\n')), 5);
