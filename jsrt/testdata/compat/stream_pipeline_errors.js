// pipeline and finished: success, an error in the middle, a destination that
// closes early, and the stream/promises forms.
const { Readable, Writable, Transform, PassThrough, pipeline, finished } = require('stream');
const sp = require('stream/promises');
const log = (...a) => console.log(...a);

function sink(name) {
  const got = [];
  const w = new Writable({ write(c, e, cb) { got.push(String(c)); cb(); } });
  w.on('finish', () => log(name, 'sink got', got.join('|')));
  return w;
}

pipeline(Readable.from(['a', 'b']), new PassThrough(), sink('ok'), (err) => {
  log('ok done', err);
  step2();
});

function step2() {
  const src = Readable.from(['1', '2', '3']);
  const bad = new Transform({
    transform(c, e, cb) { if (String(c) === '2') cb(new Error('bad chunk')); else cb(null, c); },
  });
  const dst = sink('err');
  src.on('close', () => log('src close', src.destroyed));
  dst.on('close', () => log('dst close', dst.destroyed));
  pipeline(src, bad, dst, (err) => {
    log('err done', err.message);
    step3();
  });
}

function step3() {
  const src = new Readable({ read() {} });
  src.push('x');
  const dst = new Writable({ write(c, e, cb) { cb(); } });
  pipeline(src, dst, (err) => {
    log('premature', err.code, err.message);
    step4();
  });
  setImmediate(() => dst.destroy());
}

function step4() {
  const r = new Readable({ read() {} });
  finished(r, (err) => log('finished cb', err && err.code));
  r.destroy();
  sp.pipeline(Readable.from(['p']), sink('promise')).then((v) => {
    log('promise pipeline', v);
    const r2 = Readable.from([]);
    r2.resume();
    return sp.finished(r2);
  }).then(() => {
    log('promise finished');
    return sp.pipeline(Readable.from(['q']), new Transform({ transform(c, e, cb) { cb(new Error('nope')); } }), sink('never'));
  }).catch((e) => log('promise rejected', e.message));
}
