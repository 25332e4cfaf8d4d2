// Async iteration of a Readable through explicit next() calls (goja has no
// for await): chunks, end, an early return() that destroys the stream, and
// an error surfacing as a rejection.
const { Readable } = require('stream');
const log = (...a) => console.log(...a);

async function drain(stream, label) {
  const it = stream[Symbol.asyncIterator]();
  const out = [];
  for (;;) {
    const { value, done } = await it.next();
    if (done) break;
    out.push(String(value));
  }
  log(label, out.join(','), stream.destroyed);
}

async function main() {
  await drain(Readable.from(['a', 'b', 'c']), 'from');
  const r = new Readable({ read() {} });
  r.push('x');
  r.push('y');
  setImmediate(() => { r.push('z'); r.push(null); });
  await drain(r, 'pushed');

  const early = Readable.from(['1', '2', '3']);
  early.on('close', () => log('early close'));
  const it = early[Symbol.asyncIterator]();
  log('first', (await it.next()).value);
  log('return', JSON.stringify(await it.return()));
  log('after return', JSON.stringify(await it.next()), early.destroyed);

  const bad = new Readable({ read() { this.destroy(new Error('broken')); } });
  try {
    await bad[Symbol.asyncIterator]().next();
  } catch (e) {
    log('caught', e.message);
  }
  const arr = await Readable.from([1, 2, 3]).toArray();
  log('toArray', arr);
}
main().then(() => log('done'));
