// Transform: _transform callbacks with and without data, push from flush,
// an error from flush, and a Transform with readableHighWaterMark 0.
const { Transform, Readable } = require('stream');
const log = (...a) => console.log(...a);

const upper = new Transform({
  transform(chunk, enc, cb) {
    const s = String(chunk);
    if (s === 'skip') return cb();
    this.push(s.toUpperCase());
    cb(null, '+');
  },
  flush(cb) { this.push('[flush]'); cb(null, '[tail]'); },
});
upper.on('data', (c) => log('data', String(c)));
upper.on('finish', () => log('finish'));
upper.on('end', () => log('end'));
upper.on('close', () => log('close'));
upper.write('one');
upper.write('skip');
upper.end('two');

const failing = new Transform({
  transform(c, e, cb) { cb(null, c); },
  flush(cb) { cb(new Error('flush failed')); },
});
failing.on('error', (e) => log('flush error', e.message));
failing.on('close', () => log('failing close'));
failing.resume();
failing.end('x');

const counter = new Transform({
  readableObjectMode: true,
  transform(chunk, enc, cb) { cb(null, { len: chunk.length }); },
});
Readable.from([Buffer.from('ab'), Buffer.from('cde')], { objectMode: false }).pipe(counter)
  .on('data', (o) => log('counted', o.len))
  .on('end', () => log('counter end', counter.readableObjectMode, counter.writableObjectMode));
