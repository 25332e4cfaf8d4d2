// Async iteration: async generators, for await over async iterables and over
// arrays of promises, Symbol.asyncIterator, return() on early exit.
const sleep = (ms, v) => new Promise((r) => setTimeout(() => r(v), ms));
async function* agen() {
  try {
    for (let i = 0; i < 3; i++) { await null; yield i; }
  } finally {
    console.log('agen finally');
  }
}
console.log(typeof Symbol.asyncIterator, Object.prototype.toString.call(agen()));
const custom = {
  [Symbol.asyncIterator]() {
    let i = 0;
    return { next: async () => ({ value: i * 10, done: i++ >= 2 }), return: async () => { console.log('custom return'); return { done: true }; } };
  },
};
(async () => {
  const got = [];
  for await (const v of agen()) got.push(v);
  console.log('for await', got.join(','));
  for await (const v of [sleep(5, 'p1'), 'plain', Promise.resolve('p2')]) got.push(v);
  console.log('for await array', got.join(','));
  for await (const v of custom) got.push(v);
  console.log('custom', got.join(','));
  for await (const v of custom) { if (v === 0) break; }
  for await (const v of agen()) { if (v === 1) break; }
  const it = agen();
  console.log(JSON.stringify(await it.next()), JSON.stringify(await it.return('r')), JSON.stringify(await it.next()));
})();
