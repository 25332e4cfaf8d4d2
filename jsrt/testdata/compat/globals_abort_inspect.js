// AbortSignal and AbortController keep their state behind getters (no own keys)
// and print as node prints them, before and after abort.
const c = new AbortController();
console.log(c.signal, Object.keys(c.signal), c);
c.signal.onabort = () => {};
console.log(c.signal);
c.abort('why');
console.log(c.signal, c.signal.aborted, c.signal.reason, Object.keys(c));
console.log([AbortSignal.abort()], [c]);
const d = Object.getOwnPropertyDescriptor(AbortSignal.prototype, 'aborted');
console.log(typeof d.get, d.set);
