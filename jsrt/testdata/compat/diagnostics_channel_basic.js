// diagnostics_channel: named channels, subscribers, unsubscribe, and a
// tracing channel around sync, promise and callback work.
const dc = require('diagnostics_channel');
const ch = dc.channel('app.test');
console.log(ch.name, ch.hasSubscribers, dc.hasSubscribers('app.test'), dc.channel('app.test') === ch);
const seen = [];
const sub = (msg, name) => seen.push(`${name}:${JSON.stringify(msg)}`);
ch.subscribe(sub);
dc.subscribe('app.test', (msg) => seen.push('second ' + msg.n));
console.log(ch.hasSubscribers, dc.hasSubscribers('app.test'), dc.hasSubscribers('nobody'));
ch.publish({ n: 1 });
console.log(ch.unsubscribe(sub), ch.unsubscribe(sub), dc.unsubscribe('app.test', () => {}));
ch.publish({ n: 2 });
console.log(seen.join(' | '));
try { dc.channel(42); } catch (e) { console.log(e.code, e.message); }

const tc = dc.tracingChannel('work');
const events = [];
const handlers = {};
for (const e of ['start', 'end', 'asyncStart', 'asyncEnd', 'error']) {
  handlers[e] = (ctx) => events.push(`${e}(${ctx.tag}${'result' in ctx ? '=' + ctx.result : ''}${ctx.error ? '!' + ctx.error.message : ''})`);
}
console.log(tc.start.name, tc.hasSubscribers);
tc.subscribe(handlers);
console.log(tc.traceSync((a, b) => a + b, { tag: 'sync' }, null, 2, 3));
try { tc.traceSync(() => { throw new Error('bad'); }, { tag: 'throw' }); } catch (e) { events.push('caught ' + e.message); }
tc.traceCallback((x, cb) => setTimeout(() => cb(null, x * 2), 1), -1, { tag: 'cb' }, null, 21, (err, v) => events.push('callback got ' + v));
setTimeout(async () => {
  console.log(await tc.tracePromise(async () => 'done', { tag: 'promise' }));
  await tc.tracePromise(async () => { throw new Error('nope'); }, { tag: 'reject' }).catch((e) => events.push('rejected ' + e.message));
  console.log(events.join('\n'));
  console.log(tc.unsubscribe(handlers), tc.hasSubscribers);
}, 10);
