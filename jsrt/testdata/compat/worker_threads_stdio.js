// Worker output: by default a worker's console goes to the process's
// stdout after the parent's synchronous code and before 'exit'; with
// stdout/stderr: true it is a readable stream on the Worker instead.
// Workers start workers (threadIds count up across the process), an
// unref'd worker does not keep the process alive, and a worker that the
// main thread outlives is ended with it.
const { Worker, isMainThread, parentPort, workerData, threadId } = require('worker_threads');
if (isMainThread) {
  const w = new Worker(__filename, { workerData: 'plain' });
  console.log('main after new Worker');
  w.on('exit', (c) => {
    console.log('exit', c);
    const w2 = new Worker(__filename, { workerData: 'piped', stdout: true, stderr: true });
    let out = '';
    w2.stdout.on('data', (d) => { out += d; });
    w2.stderr.on('data', (d) => { out += '[err]' + d; });
    w2.on('exit', (c) => { console.log('piped exit', c, JSON.stringify(out)); nested(); });
  });
  function nested() {
    const w3 = new Worker(__filename, { workerData: 'outer' });
    const log = [];
    w3.on('message', (m) => log.push(m));
    w3.on('exit', (c) => {
      console.log(log, 'outer exit', c);
      const forever = new Worker('setInterval(() => {}, 1000)', { eval: true });
      forever.unref();
      forever.on('exit', () => console.log('not printed: the process ends first'));
    });
  }
} else if (workerData === 'plain') {
  console.log('worker log', threadId);
  process.stdout.write('worker write\n');
  setTimeout(() => { console.log('worker timer'); }, 5);
} else if (workerData === 'piped') {
  console.log('to pipe');
  console.error('to err pipe');
} else if (workerData === 'outer') {
  const inner = new Worker(`const { parentPort, threadId } = require('worker_threads');
    parentPort.postMessage('inner hi ' + threadId)`, { eval: true });
  inner.on('message', (m) => parentPort.postMessage(m));
  inner.on('exit', (c) => parentPort.postMessage('inner exit ' + c));
}
