// AbortSignal's onabort is an event handler attribute: it runs in the place
// it was first set among the listeners, not before them all.
const order = [];
const c = new AbortController();
console.log('initial', c.signal.onabort);
c.signal.addEventListener('abort', () => order.push('listener 1'));
c.signal.onabort = () => order.push('onabort (first value)');
c.signal.addEventListener('abort', () => order.push('listener 2'));
c.signal.onabort = function (ev) { order.push(`onabort (replaced) ${ev.type} ${this === c.signal}`); };
c.abort();
console.log(order.join(', '));
console.log('type', typeof c.signal.onabort);

const order2 = [];
const c2 = new AbortController();
c2.signal.onabort = () => order2.push('handler');
c2.signal.onabort = null;
c2.signal.addEventListener('abort', () => order2.push('listener'));
c2.signal.onabort = () => order2.push('handler again');
c2.abort();
console.log(order2.join(', '), c2.signal.onabort === null);

const order3 = [];
const c3 = new AbortController();
c3.signal.addEventListener('abort', (e) => { order3.push('stop'); e.stopImmediatePropagation(); });
c3.signal.onabort = () => order3.push('never');
c3.abort();
console.log(order3.join(', '));
const s4 = AbortSignal.abort();
console.log('already aborted', s4.aborted, s4.onabort);
