// worker_threads: an uncaught error in a worker is an 'error' event in the
// parent carrying the error rebuilt (its kind, message, code and other own
// fields), then 'exit' with 1; exit codes from process.exit, exitCode and
// rejections; terminate() resolves with 1 (undefined once exited) and
// stops a busy loop; { eval: true } workers with require and __filename.
const { Worker } = require('worker_threads');
function run(code, opts) {
  return new Promise((resolve) => {
    const w = new Worker(code, Object.assign({ eval: true }, opts));
    const events = [];
    w.on('message', (m) => events.push(['message', m]));
    w.on('error', (e) => events.push(e == null ? ['error', e] : ['error', e.constructor.name, e.name, e.message, e.code, e.extra,
      e instanceof Error, typeof e.stack, e === null ? null : typeof e]));
    w.on('exit', (c) => { events.push(['exit', c]); resolve(events); });
  });
}
(async () => {
  console.log(await run(`throw new TypeError('boom')`));
  console.log(await run(`const e = new Error('x'); e.code = 'E_X'; e.extra = { a: [1] }; throw e`));
  console.log(await run(`throw 42`));
  console.log(await run(`throw { plain: 1 }`));
  console.log(await run(`throw null`));
  console.log(await run(`Promise.reject(new RangeError('rejected'))`));
  console.log(await run(`setTimeout(() => { throw new SyntaxError('later') }, 1)`));
  console.log(await run(`process.exit(7)`));
  console.log(await run(`process.exitCode = 3`));
  console.log(await run(`require('worker_threads').parentPort.postMessage(1); process.exit(); console.log('not reached')`));
  console.log(await run(`process.on('exit', (c) => require('worker_threads').parentPort.postMessage('exit ' + c));
    throw new Error('e')`));
  console.log(await run(`const { parentPort } = require('worker_threads');
    parentPort.postMessage([__filename, __dirname, typeof require('path').join, module.id])`));
  console.log(await run(`process.on('uncaughtException', (e) => require('worker_threads').parentPort.postMessage('caught ' + e.message));
    throw new Error('handled')`));
  console.log((await run(`syntax error here`)).map((e) => e.slice(0, 4)));
  // terminate: an idle worker kept alive by a timer, then a busy one.
  const idle = new Worker('setInterval(() => {}, 1000); require("worker_threads").parentPort.postMessage("up")', { eval: true });
  idle.on('exit', (c) => console.log('idle exit event', c));
  await new Promise((r) => idle.once('message', r));
  console.log('terminate resolved', await idle.terminate());
  console.log('terminate again', await idle.terminate());
  const busy = new Worker(`require("worker_threads").parentPort.postMessage("go");
    let x = 0;
    for (;;) x = Math.max(x, 1);`, { eval: true });
  await new Promise((r) => busy.once('message', r));
  console.log('busy terminate', await busy.terminate());
  // Bad arguments throw in the parent.
  for (const f of [() => new Worker('w.js'), () => new Worker(42), () => new Worker(__filename, null)]) {
    try { f(); } catch (e) { console.log(e.name, e.code); }
  }
  // A worker whose file does not exist: 'error' then exit 1.
  const missing = new Worker('./no-such-worker-file.js');
  missing.on('error', (e) => console.log('missing', e.code));
  missing.on('exit', (c) => console.log('missing exit', c));
})();
