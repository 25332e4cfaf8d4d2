// An unref'd timer does not keep the process alive; ref() brings it back;
// the handle methods chain; hasRef reports the state.
const t = setTimeout(() => console.log('unref timer fired (should not)'), 5000);
console.log('chain', t.unref() === t, t.hasRef());
const t2 = setTimeout(() => console.log('ref again fired'), 10);
t2.unref();
t2.ref();
console.log('t2 hasRef', t2.hasRef());
const iv = setInterval(() => console.log('unref interval (should not)'), 5000);
iv.unref();
console.log('handle type', typeof t, typeof t[Symbol.toPrimitive]);
process.on('exit', (c) => console.log('exit', c));
