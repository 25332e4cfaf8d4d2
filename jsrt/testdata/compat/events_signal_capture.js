// events.once/on with an AbortSignal reject with node's AbortError when the
// signal aborts; captureRejections routes async listeners' rejections to
// 'error' or to Symbol.for('nodejs.rejection').
const { EventEmitter, once, on } = require('events');
const ee = new EventEmitter();
const ac = new AbortController();
once(ee, 'foo', { signal: ac.signal }).then(() => console.log('resolved'), (e) => {
  console.log('once:', Object.keys(e), e.name, e.code, e.message, e.constructor.name, e.cause.name);
  console.log('listeners left:', ee.listenerCount('foo'), ee.listenerCount('error'));
});
ac.abort();
const pre = new AbortController();
pre.abort('why');
once(ee, 'foo', { signal: pre.signal }).catch((e) => console.log('pre-aborted:', e.name, e.cause));
once(ee, 'foo', { signal: 5 }).catch((e) => console.log('bad signal:', e.code, e.message));
const et = new EventTarget();
once(et, 'ping').then(([ev]) => console.log('EventTarget:', ev.type));
et.dispatchEvent(new Event('ping'));

const ac2 = new AbortController();
(async () => {
  try {
    for await (const [v] of on(ee, 'bar', { signal: ac2.signal })) {
      console.log('on got', v);
      if (v === 2) ac2.abort();
    }
  } catch (e) {
    console.log('on:', e.name, e.code, e.message, ee.listenerCount('bar'));
  }
})();
ee.emit('bar', 1);
ee.emit('bar', 2);

const cap = new EventEmitter({ captureRejections: true });
cap.on('x', async () => { throw new Error('boom'); });
cap.on('error', (e) => console.log('error event:', e.message));
cap.emit('x');
const hook = new EventEmitter({ captureRejections: true });
hook[Symbol.for('nodejs.rejection')] = (err, ev, ...args) => console.log('rejection hook:', err.message, ev, args);
hook.on('y', async () => { throw new Error('bang'); });
hook.emit('y', 1, 2);
const plain = new EventEmitter();
plain.on('z', async () => 'fine');
console.log('plain emit:', plain.emit('z'));
try {
  new EventEmitter({ captureRejections: 'yes' });
} catch (e) {
  console.log(e.code, e.message);
}
console.log(EventEmitter.captureRejections, EventEmitter.captureRejectionSymbol === Symbol.for('nodejs.rejection'));
