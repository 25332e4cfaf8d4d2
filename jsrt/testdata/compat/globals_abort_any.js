// AbortSignal.any: follows the first signal to abort, with its reason;
// already-aborted inputs abort it at once; node's argument errors.
function show(label, fn) {
  try { console.log(label, fn()); } catch (e) { console.log(label, e.name, e.message, e.code); }
}
const a = new AbortController();
const b = new AbortController();
const any = AbortSignal.any([a.signal, b.signal]);
console.log('fresh', any.aborted, any.reason, any instanceof AbortSignal);
any.addEventListener('abort', (ev) => console.log('abort event', ev.type, any.reason));
b.abort('B first');
a.abort('A later');
console.log('after', any.aborted, any.reason, a.signal.reason);
const pre = AbortSignal.any([new AbortController().signal, AbortSignal.abort('already')]);
console.log('pre-aborted', pre.aborted, pre.reason);
const dflt = new AbortController();
const viaDefault = AbortSignal.any([dflt.signal]);
dflt.abort();
console.log('default reason', viaDefault.reason.name, viaDefault.reason.message, viaDefault.reason === dflt.signal.reason);
console.log('empty', AbortSignal.any([]).aborted, AbortSignal.any.length);
const nested = new AbortController();
const outer = AbortSignal.any([AbortSignal.any([nested.signal])]);
nested.abort(new Error('deep'));
console.log('nested', outer.aborted, outer.reason.message);
show('not array', () => AbortSignal.any(5));
show('not signals', () => AbortSignal.any([a.signal, {}]));
show('undefined', () => AbortSignal.any());
