// Between two timer callbacks that expire in the same turn, node runs the
// nextTick queue and the microtasks of the first one.
const log = [];
setTimeout(() => {
  log.push('t1');
  process.nextTick(() => log.push('t1:tick'));
  Promise.resolve().then(() => log.push('t1:promise'));
}, 10);
setTimeout(() => {
  log.push('t2');
  Promise.resolve().then(() => log.push('t2:promise'));
}, 10);
setTimeout(() => console.log(log.join('\n')), 200);
