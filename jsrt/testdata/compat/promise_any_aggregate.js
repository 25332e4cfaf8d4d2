// Promise.any rejects with an AggregateError carrying V8's message and the
// reasons in input order; it resolves with the first fulfilment.
Promise.any([Promise.reject(new Error('a')), Promise.reject(2), 3n === 3n ? Promise.reject('c') : 0])
  .catch((e) => {
    console.log(e.name, JSON.stringify(e.message), e instanceof AggregateError, e.errors.length);
    console.log(String(e), e.errors[0].message, e.errors.slice(1));
    console.log(Object.getOwnPropertyNames(e).sort().filter((n) => n !== 'stack'));
  });
Promise.any([]).catch((e) => console.log('empty:', e.message, e.errors));
Promise.any([Promise.reject(1), new Promise((r) => setTimeout(r, 5, 'late')), 'now'])
  .then((v) => console.log('first:', v));
Promise.any('ab').then((v) => console.log('string iterable:', v));
Promise.any(5).catch((e) => console.log('not iterable:', e.name));
console.log(new AggregateError([1]).message === '', new AggregateError([1], 'm').message);
console.log(Promise.any.name, Promise.any.length);
const order = [];
Promise.resolve().then(() => order.push('a1')).then(() => order.push('a2')).then(() => order.push('a3'));
Promise.any([Promise.reject(0)]).catch(() => order.push('any'));
setTimeout(() => console.log('order:', order.join(' ')), 20);
