// MessageChannel and BroadcastChannel: ports started by 'message'
// listeners, onmessage and addEventListener (MessageEvent with .data),
// 'close' on both ends, unref letting the process end, two workers
// talking directly over a transferred channel, and a BroadcastChannel
// reaching every other channel of its name in every thread.
// cpus: 2
const { Worker, isMainThread, parentPort, workerData, MessageChannel, MessagePort, BroadcastChannel } = require('worker_threads');
if (!isMainThread) {
  if (workerData.role === 'bc') {
    const ch = new BroadcastChannel('news');
    // Stay until the main thread has the acks: a message from a worker
    // that ends at once may be lost.
    ch.onmessage = (e) => {
      if (e.data === 'hi') {
        parentPort.postMessage(`worker ${workerData.i} got ${e.data}`);
        ch.postMessage(`ack from ${workerData.i}`);
      } else if (e.data === 'done') {
        ch.close();
      }
    };
    parentPort.postMessage('ready');
    return;
  }
  const p = workerData.port;
  if (workerData.role === 'ping') {
    p.postMessage(1);
    p.on('message', (m) => {
      if (m >= 7) { p.close(); return; }
      p.postMessage(m + 1);
    });
  } else {
    const seen = [];
    p.on('message', (m) => { seen.push(m); p.postMessage(m + 1); });
    p.on('close', () => parentPort.postMessage(['pong saw', seen]));
  }
  return;
}

async function local() {
  const { port1, port2 } = new MessageChannel();
  console.log(port1 instanceof MessagePort, typeof port1.start, typeof port1.ref);
  const got = [];
  let gotAll;
  const all = new Promise((r) => { gotAll = r; });
  port2.onmessage = (e) => got.push(['onmessage', e.data, e.type]);
  port2.addEventListener('message', (e) => { got.push(['listener', e.data]); if (got.length === 4) gotAll(); });
  port1.postMessage('a');
  port1.postMessage({ b: 2 });
  await all;
  console.log(got);
  const closed = [];
  await new Promise((resolve) => {
    const done = (name) => () => { closed.push(name); if (closed.length === 2) resolve(); };
    port2.on('close', done('port2 close'));
    port1.on('close', done('port1 close'));
    port1.close();
  });
  console.log(closed.sort());
  port1.postMessage('after close is dropped');
}

function between() {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    const a = new Worker(__filename, { workerData: { role: 'ping', port: port1 }, transferList: [port1] });
    const b = new Worker(__filename, { workerData: { role: 'pong', port: port2 }, transferList: [port2] });
    const log = [];
    b.on('message', (m) => log.push(m));
    let n = 0;
    for (const x of [a, b]) {
      x.on('exit', (c) => {
        log.push(['exit', c]);
        if (++n === 2) { console.log(log.sort()); resolve(); }
      });
    }
  });
}

function broadcast() {
  return new Promise((resolve) => {
    const ch = new BroadcastChannel('news');
    const got = [];
    const from = [];
    ch.onmessage = (e) => {
      got.push(e.data);
      if (got.length === 2) {
        ch.postMessage('done');
        ch.close();
      }
    };
    let left = 2;
    let ready = 0;
    for (let i = 0; i < 2; i++) {
      const w = new Worker(__filename, { workerData: { role: 'bc', i } });
      w.on('message', (m) => {
        if (m !== 'ready') from.push(m);
        else if (++ready === 2) ch.postMessage('hi');
      });
      w.on('exit', () => {
        if (--left) return;
        console.log(got.sort(), from.sort());
        resolve();
      });
    }
  });
}

(async () => {
  await local();
  await between();
  await broadcast();
  const { port1 } = new MessageChannel();
  port1.on('message', () => {});
  port1.unref();
  console.log('unref port does not keep the process alive');
})();
