// highWaterMark and backpressure: write() turns false at the mark, 'drain'
// comes once the buffer empties; pipe pauses the source until drain; cork
// batches into _writev.
const { Readable, Writable } = require('stream');
const log = (...a) => console.log(...a);

const slow = new Writable({
  highWaterMark: 10,
  write(chunk, enc, cb) { log('write', chunk.length, this.writableLength); setImmediate(cb); },
});
log('hwm', slow.writableHighWaterMark);
log('ret', slow.write(Buffer.alloc(4)), slow.write(Buffer.alloc(4)), slow.write(Buffer.alloc(4)));
log('needDrain', slow.writableNeedDrain, 'length', slow.writableLength);
slow.on('drain', () => {
  log('drain', slow.writableLength);
  pipeDemo();
});

function pipeDemo() {
  let n = 0;
  const src = new Readable({
    highWaterMark: 8,
    read() { n++; this.push(n <= 6 ? Buffer.alloc(5, n) : null); },
  });
  src.on('pause', () => log('src pause'));
  src.on('resume', () => log('src resume'));
  const sink = new Writable({
    highWaterMark: 6,
    write(c, e, cb) { log('sink', c[0], c.length); setTimeout(cb, 1); },
  });
  sink.on('finish', () => { log('sink finish, reads', n); corkDemo(); });
  src.pipe(sink);
}

function corkDemo() {
  const w = new Writable({
    writev(chunks, cb) { log('writev', chunks.map((c) => String(c.chunk)).join(',')); cb(); },
  });
  w.cork();
  w.write('a');
  w.write('b');
  w.write('c');
  log('corked', w.writableCorked, 'buffered', w.writableBuffer.length);
  process.nextTick(() => w.uncork());
  w.on('finish', () => log('cork finish'));
  setImmediate(() => w.end());
}
