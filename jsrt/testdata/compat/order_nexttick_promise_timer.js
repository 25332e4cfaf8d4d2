// Synchronous code, then the nextTick queue, then promise microtasks, then
// timers. (setTimeout(0) vs setImmediate from the main module is racy in node
// and deliberately not compared.)
const log = [];
setTimeout(() => { log.push('timeout'); console.log(log.join(' > ')); }, 0);
Promise.resolve().then(() => log.push('promise1'));
process.nextTick(() => log.push('tick1'));
queueMicrotask(() => log.push('microtask'));
Promise.resolve().then(() => log.push('promise2'));
process.nextTick(() => log.push('tick2'));
(async () => { log.push('async-sync-part'); await null; log.push('after-await'); })();
log.push('sync');
