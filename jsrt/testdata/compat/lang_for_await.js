// for await and async generators, which goja lacks and esbuild lowers:
// yield*, return/throw, break calling return(), custom async iterables,
// sync iterables of promises, and errors thrown from inside the loop.
async function* count(n) {
  try {
    for (let i = 0; i < n; i++) {
      await null;
      yield i;
    }
  } finally {
    console.log('count finally', n);
  }
}

async function* both() {
  yield* count(2);
  const got = yield 'middle';
  console.log('sent in', got);
  yield* [10, 11];
}

const custom = {
  [Symbol.asyncIterator]() {
    let i = 0;
    return {
      next: () => Promise.resolve({ value: i * i, done: i++ >= 3 }),
      return: () => (console.log('custom return'), Promise.resolve({ done: true })),
    };
  },
};

async function main() {
  for await (const x of count(3)) console.log('count', x);
  const out = [];
  for await (const x of both()) out.push(x);
  console.log('both', out.join(' '));
  for await (const x of custom) {
    if (x > 0) break;
    console.log('custom', x);
  }
  for await (const x of [Promise.resolve('p1'), 'plain', new Promise((r) => setTimeout(r, 5, 'p2'))]) {
    console.log('sync iterable', x);
  }
  const g = both();
  console.log(await g.next(), await g.next(), await g.next());
  console.log(await g.next('hello'));
  console.log(await g.return('early'), await g.next());
  const t = count(5);
  await t.next();
  await t.throw(new Error('thrown in')).catch((e) => console.log('caught', e.message));
  try {
    for await (const x of count(4)) {
      if (x === 1) throw new Error('from the loop body');
    }
  } catch (e) {
    console.log('loop error', e.message);
  }
  const agen = count(0);
  console.log(typeof agen[Symbol.asyncIterator], agen[Symbol.asyncIterator]() === agen);
}
main().then(() => console.log('done'));
