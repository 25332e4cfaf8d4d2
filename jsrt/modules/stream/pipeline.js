// pipeline.js: stream.pipeline (internal/streams/pipeline in node) and the
// module's exports.

function popCallback(streams) {
  const cb = streams[streams.length - 1];
  errors.validateFunction(cb, 'streams[stream.length - 1]');
  return streams.pop();
}

function pipeline(...streams) {
  return pipelineImpl(streams, once(popCallback(streams)));
}

function pipelineDestroyer(stream, reading, writing) {
  let finished = false;
  stream.on('close', () => { finished = true; });
  const cleanup = eos(stream, { readable: reading, writable: writing }, (err) => { finished = !err; });
  return {
    destroy: (err) => {
      if (finished) return;
      finished = true;
      destroyer(stream, err || ERR.DESTROYED('pipe'));
    },
    cleanup,
  };
}

function pipelineImpl(streams, callback, opts) {
  if (streams.length === 1 && Array.isArray(streams[0])) streams = streams[0];
  if (streams.length < 2) throw ERR.MISSING_ARGS('streams');
  const signal = opts && opts.signal;
  const lastStreamCleanup = [];
  let error;
  let value;
  const destroys = [];
  let finishCount = 0;

  function finish(err) { finishImpl(err, --finishCount === 0); }
  function finishImpl(err, final) {
    if (err && (!error || error.code === 'ERR_STREAM_PREMATURE_CLOSE')) error = err;
    if (!error && !final) return;
    while (destroys.length) destroys.shift()(error);
    if (signal) signal.removeEventListener('abort', abort);
    if (final) {
      if (!error) lastStreamCleanup.forEach((fn) => fn());
      nextTick(callback, error, value);
    }
  }
  function abort() { finishImpl(ERR.ABORT()); }
  if (signal) {
    if (signal.aborted) nextTick(abort);
    else signal.addEventListener('abort', abort);
  }

  let ret;
  for (let i = 0; i < streams.length; i++) {
    const stream = streams[i];
    const reading = i < streams.length - 1;
    const writing = i > 0;
    const end = reading || !opts || opts.end !== false;
    const isLastStream = i === streams.length - 1;
    if (isNodeStream(stream)) {
      if (end) {
        const { destroy: d, cleanup } = pipelineDestroyer(stream, reading, writing);
        destroys.push(d);
        if (isReadable(stream) && isLastStream) lastStreamCleanup.push(cleanup);
      }
      const onError = (err) => {
        if (err && err.name !== 'AbortError' && err.code !== 'ERR_STREAM_PREMATURE_CLOSE') finish(err);
      };
      stream.on('error', onError);
      if (isReadable(stream) && isLastStream) lastStreamCleanup.push(() => stream.removeListener('error', onError));
    }
    if (i === 0) {
      if (typeof stream === 'function') {
        ret = stream({ signal });
        if (!isIterable(ret)) throw makeError(TypeError, 'ERR_INVALID_RETURN_VALUE', 'Expected Iterable, AsyncIterable or Stream to be returned from the "source" function.');
      } else if (isIterable(stream) || isReadableNodeStream(stream)) {
        ret = stream;
      } else {
        ret = Readable.from(stream);
      }
    } else if (typeof stream === 'function') {
      ret = isReadableNodeStream(ret) ? ret : Readable.from(ret);
      ret = stream(ret, { signal });
      if (reading) {
        if (!isIterable(ret, true)) throw makeError(TypeError, 'ERR_INVALID_RETURN_VALUE', 'Expected AsyncIterable to be returned from the "transform[' + (i - 1) + ']" function.');
      } else {
        const pt = new PassThrough({ objectMode: true });
        const then = ret && ret.then;
        if (typeof then === 'function') {
          finishCount++;
          then.call(ret, (val) => {
            value = val;
            if (val != null) pt.write(val);
            if (end) pt.end();
            nextTick(finish);
          }, (err) => {
            pt.destroy(err);
            nextTick(finish, err);
          });
        } else if (isIterable(ret, true)) {
          finishCount++;
          pumpToNode(ret, pt, finish, { end });
        } else {
          throw makeError(TypeError, 'ERR_INVALID_RETURN_VALUE', 'Expected AsyncIterable or Promise to be returned from the "destination" function.');
        }
        ret = pt;
        const { destroy: d, cleanup } = pipelineDestroyer(ret, false, true);
        destroys.push(d);
        if (isLastStream) lastStreamCleanup.push(cleanup);
      }
    } else if (isNodeStream(stream)) {
      if (isReadableNodeStream(ret)) {
        finishCount += 2;
        const cleanup = pipe(ret, stream, finish, { end });
        if (isReadable(stream) && isLastStream) lastStreamCleanup.push(cleanup);
      } else if (isIterable(ret)) {
        finishCount++;
        pumpToNode(ret, stream, finish, { end });
      } else {
        throw errors.invalidArgType('val', ['Readable', 'Iterable', 'AsyncIterable'], ret);
      }
      ret = stream;
    } else {
      ret = Readable.from(stream);
    }
  }
  if ((signal && signal.aborted)) nextTick(abort);
  return ret;
}

function pipe(src, dst, finish, { end }) {
  let ended = false;
  dst.on('close', () => {
    if (!ended) finish(ERR.PREMATURE_CLOSE());
  });
  src.pipe(dst, { end: false });
  if (end) {
    const endFn = () => { ended = true; dst.end(); };
    if (isReadableFinished(src)) nextTick(endFn);
    else src.once('end', endFn);
    eos(dst, { readable: false, writable: true }, finish);
  } else {
    finish();
  }
  eos(src, { readable: true, writable: false }, (err) => {
    const rState = src._readableState;
    if (err && err.code === 'ERR_STREAM_PREMATURE_CLOSE' && rState && rState.ended && !rState.errored && !rState.errorEmitted) {
      src.once('end', finish).once('error', finish);
    } else {
      finish(err);
    }
  });
  return eos(dst, { readable: true, writable: false }, nop);
}

// pumpToNode writes an (async) iterable into a writable stream, waiting
// for 'drain' when write returns false.
async function pumpToNode(iterable, writable, finish, { end }) {
  let error;
  let onresolve = null;
  const resume = (err) => {
    if (err) error = err;
    if (onresolve) { const cb = onresolve; onresolve = null; cb(); }
  };
  const wait = () => new Promise((resolve, reject) => {
    if (error) reject(error);
    else onresolve = () => { if (error) reject(error); else resolve(); };
  });
  writable.on('drain', resume);
  const cleanup = eos(writable, { readable: false }, resume);
  try {
    if (writable.writableNeedDrain) await wait();
    const it = typeof iterable[Symbol.asyncIterator] === 'function' ? iterable[Symbol.asyncIterator]() : iterable[Symbol.iterator]();
    for (;;) {
      const { value: chunk, done } = await it.next();
      if (done) break;
      if (!writable.write(chunk)) await wait();
    }
    if (end) {
      writable.end();
      await wait();
    }
    finish();
  } catch (err) {
    finish(error !== err ? aggregateTwoErrors(error, err) : err);
  } finally {
    cleanup();
    writable.off('drain', resume);
  }
}

function pipelinePromise(...streams) {
  return new Promise((resolve, reject) => {
    let opts;
    const last = streams[streams.length - 1];
    if (last && typeof last === 'object' && !isNodeStream(last) && !isIterable(last)) {
      opts = streams.pop();
    }
    pipelineImpl(streams, (err, value) => { if (err) reject(err); else resolve(value); }, opts);
  });
}

function finished(...args) { return eos(...args); }
Object.defineProperty(finished, Symbol.for('nodejs.util.promisify.custom'), {
  enumerable: false, configurable: true, writable: true, value: finishedPromise,
});
Object.defineProperty(pipeline, Symbol.for('nodejs.util.promisify.custom'), {
  enumerable: false, configurable: true, writable: true, value: pipelinePromise,
});

const promises = { pipeline: pipelinePromise, finished: finishedPromise };

Stream.Stream = Stream;
Stream.Readable = Readable;
Stream.Writable = Writable;
Stream.Duplex = Duplex;
Stream.Transform = Transform;
Stream.PassThrough = PassThrough;
Stream.pipeline = pipeline;
Stream.finished = finished;
Stream.destroy = destroyer;
Stream.addAbortSignal = addAbortSignal;
Stream.isReadable = isReadable;
Stream.isWritable = isWritable;
Stream.isErrored = isErrored;
Stream.isDisturbed = isDisturbed;
Stream.getDefaultHighWaterMark = getDefaultHighWaterMark;
Stream.setDefaultHighWaterMark = setDefaultHighWaterMark;
Object.defineProperty(Stream, 'promises', { enumerable: true, configurable: true, get() { return promises; } });
Stream._isUint8Array = isUint8Array;
Stream._uint8ArrayToBuffer = toBuffer;
// Internal: the fs and net modules build their streams on these.
Object.defineProperty(Stream, kInternal, {
  value: { errorOrDestroy, eos, destroyer, ERR, isReadableFinished, get consumers() { return consumers; } },
});


// stream/consumers: read a whole stream (or async iterable) into one value.
function consume(stream) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    const it = stream[Symbol.asyncIterator]();
    const step = () => it.next().then(({ value, done }) => {
      if (done) { resolve(chunks); return; }
      chunks.push(value);
      step();
    }, reject);
    step();
  });
}
const toBuf = (chunks) => Buffer.concat(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c)));
const consumers = {
  buffer: (s) => consume(s).then(toBuf),
  text: (s) => consume(s).then((c) => toBuf(c).toString('utf8')),
  json: (s) => consume(s).then((c) => JSON.parse(toBuf(c).toString('utf8'))),
  arrayBuffer: (s) => consume(s).then((c) => {
    const b = toBuf(c);
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
  }),
  blob: (s) => consume(s).then((c) => new (require('buffer').Blob)(c)),
};

module.exports = Stream;
