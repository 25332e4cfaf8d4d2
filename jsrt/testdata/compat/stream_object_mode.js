// Object mode: counts objects against highWaterMark, Readable.from over
// arrays, iterators and a hand-written async iterable, and setEncoding.
const { Readable, Writable, PassThrough } = require('stream');
const log = (...a) => console.log(...a);

const r = new Readable({ objectMode: true, read() {} });
log('objectMode', r.readableObjectMode, 'hwm', r.readableHighWaterMark);
log(r.push({ a: 1 }), r.push([2]), r.push('three'), r.push(0));
log('length', r.readableLength);
r.on('data', (o) => log('obj', JSON.stringify(o)));
r.on('end', () => log('obj end'));
r.push(null);

const out = [];
const w = new Writable({ objectMode: true, highWaterMark: 2, write(o, e, cb) { out.push(o); cb(); } });
log('w ret', w.write({}), w.write(1), w.write(null === 0 ? 1 : 2));
w.end(() => log('collected', out.length));

Readable.from(new Set(['s1', 's2'])).on('data', (v) => log('set', v));
const gen = function* () { yield 'g1'; yield 'g2'; };
Readable.from(gen()).on('data', (v) => log('gen', v)).on('end', () => log('gen end'));

const asyncIterable = {
  [Symbol.asyncIterator]() {
    let i = 0;
    return { next: () => Promise.resolve(i < 3 ? { value: `a${i++}`, done: false } : { done: true }) };
  },
};
Readable.from(asyncIterable).on('data', (v) => log('async', v)).on('end', () => log('async end'));

const str = Readable.from('whole string');
str.on('data', (v) => log('string chunk', typeof v, v));

const pt = new PassThrough();
pt.setEncoding('utf8');
pt.on('data', (s) => log('decoded', typeof s, JSON.stringify(s)));
const euro = Buffer.from('€uro');
pt.write(euro.subarray(0, 1));
pt.write(euro.subarray(1));
pt.end();
log('encoding', pt.readableEncoding);

const bad = new Readable({ read() {} });
bad.on('error', (e) => log('bad', e.code, e.message));
bad.push(42);
