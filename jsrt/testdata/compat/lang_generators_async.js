// Generators (return/throw, delegation), async functions, Promise
// combinators and their order. (Async iteration: lang_async_iteration.js.)
function* gen() {
  const x = yield 1;
  try {
    yield x * 2;
  } finally {
    console.log('gen finally');
  }
  return 'done';
}
const g = gen();
console.log(JSON.stringify(g.next()), JSON.stringify(g.next(5)), JSON.stringify(g.return('early')), JSON.stringify(g.next()));
function* inner() { yield 'a'; yield 'b'; return 'inner-ret'; }
function* outer() { const r = yield* inner(); yield r; }
console.log([...outer()].join(','));
const g2 = gen();
g2.next();
try { g2.throw(new Error('thrown in')); } catch (e) { console.log('gen throw', e.message); }
const sleep = (ms, v) => new Promise((r) => setTimeout(() => r(v), ms));
(async () => {
  console.log('all', JSON.stringify(await Promise.all([sleep(10, 'slow'), sleep(1, 'fast'), 3])));
  console.log('race', await Promise.race([sleep(200, 'slow'), sleep(1, 'fast')]));
  const settled = await Promise.allSettled([Promise.reject(new Error('no')), 1]);
  console.log('allSettled', JSON.stringify(settled.map((s) => s.status + ':' + (s.value ?? s.reason.message))));
  console.log('any', await Promise.any([Promise.reject(1), sleep(2, 'any-ok')]));
  try { await Promise.any([Promise.reject(new Error('x'))]); } catch (e) { console.log('any fails', e.name, e.errors.length); }
  try { await (async () => { throw new Error('async throw'); })(); } catch (e) { console.log('caught', e.message); }
  const order = [];
  const p = (async () => { order.push('a1'); await undefined; order.push('a2'); })();
  order.push('sync');
  await p;
  console.log('order', order.join(','));
  const thenable = { then(res) { res('from thenable'); } };
  console.log(await thenable);
  console.log('finally', await Promise.resolve('v').finally(() => 'ignored'));
})();
