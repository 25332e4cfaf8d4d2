// AsyncLocalStorage follows the async context through ticks, microtasks,
// awaits, timers, immediates and AsyncResource; run/exit/enterWith/snapshot
// and disable. Steps are chained so the order is node's on any machine.
const { AsyncLocalStorage, AsyncResource, executionAsyncId, createHook } = require('async_hooks');
const als = new AsyncLocalStorage();
const other = new AsyncLocalStorage();
const log = (what) => console.log(what, JSON.stringify(als.getStore()), JSON.stringify(other.getStore()));
const wait = (fn) => new Promise((resolve) => fn(resolve));

async function main() {
  log('outside');
  await als.run({ id: 1 }, async () => {
    log('sync');
    await wait((r) => process.nextTick(() => { log('tick'); r(); }));
    await wait((r) => queueMicrotask(() => { log('microtask'); r(); }));
    await wait((r) => setTimeout(() => { log('timeout'); r(); }, 1));
    await wait((r) => setImmediate(() => { log('immediate'); r(); }));
    await other.run('nested', async () => {
      await null;
      log('nested after await');
      als.exit(() => log('exit'));
    });
    log('after nested');
  });
  log('after run');
  const resource = als.run({ id: 2 }, () => new AsyncResource('demo'));
  resource.runInAsyncScope(() => log('resource'));
  const bound = als.run({ id: 3 }, () => AsyncResource.bind(() => als.getStore().id));
  console.log('bound', bound(), bound.length);
  const snap = als.run({ id: 4 }, () => AsyncLocalStorage.snapshot());
  console.log('snapshot', snap(() => als.getStore().id));
  await wait((r) => setTimeout(() => {
    als.enterWith({ id: 5 });
    log('entered');
    setTimeout(() => { log('inherits enterWith'); r(); }, 1);
  }, 1));
  await wait((r) => setTimeout(() => { log('fresh timer'); r(); }, 1));
  als.run({ id: 6 }, () => { als.disable(); log('disabled'); });
  console.log(typeof executionAsyncId(), typeof createHook({ init() {} }).enable);
}
main();
