// node 20's messaging, performance and Web Crypto classes are globals, the
// same objects their modules export; undici uses MessagePort at load.
const wt = require('worker_threads');
for (const name of ['MessagePort', 'MessageChannel', 'BroadcastChannel']) {
  const d = Object.getOwnPropertyDescriptor(globalThis, name);
  console.log(name, typeof globalThis[name], globalThis[name] === wt[name], d.enumerable, d.configurable);
}
const ph = require('perf_hooks');
for (const name of ['Performance', 'PerformanceEntry', 'PerformanceMark', 'PerformanceMeasure',
  'PerformanceObserver', 'PerformanceObserverEntryList']) {
  console.log(name, typeof globalThis[name], globalThis[name] === ph[name]);
}
console.log(typeof Crypto, crypto instanceof Crypto, typeof SubtleCrypto, crypto.subtle instanceof SubtleCrypto);
console.log(Object.keys(globalThis).includes('MessagePort'));

const e = new MessageEvent('message', { data: { a: 1 }, origin: 'x', lastEventId: 7 });
console.log(e.type, e.data, e.origin, e.lastEventId, e.source, e.ports, e instanceof Event);
console.log(Object.keys(e).includes('data'), 'data' in e);
const e2 = new MessageEvent('ping');
console.log(e2.data, JSON.stringify(e2.origin), e2.ports.length);

globalThis.MessagePort = 5;
console.log(MessagePort, Object.getOwnPropertyDescriptor(globalThis, 'MessagePort').enumerable);

const { port1, port2 } = new MessageChannel();
port2.onmessage = (ev) => {
  console.log('got', ev.data, ev instanceof MessageEvent, ev.type);
  port1.close();
  port2.close();
};
port1.postMessage('hi');
