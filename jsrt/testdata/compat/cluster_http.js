// cluster: the primary forks two workers that run this script again with
// cluster.isWorker set, get their env, and share one HTTP port (0: the
// port the first one gets); requests to it are spread over both workers.
// The primary sees fork, online, listening, message, disconnect and exit
// for each (in an order node does not fix, so sorted here); send() goes
// both ways as JSON, disconnect() closes a worker's servers and lets it
// end with 0, process.exit in a worker gives its code.
// cpus: 2
const cluster = require('cluster');
const http = require('http');
if (cluster.isPrimary) {
  console.log('primary', cluster.isPrimary, cluster.isMaster, cluster.isWorker, cluster.worker,
    cluster.schedulingPolicy === cluster.SCHED_RR);
  const log = [];
  let port;
  let listening = 0;
  let exited = 0;
  cluster.on('fork', (w) => log.push(['fork', w.id]));
  cluster.on('online', (w) => log.push(['online', w.id]));
  cluster.on('listening', (w, addr) => {
    log.push(['listening', w.id, typeof addr.port, addr.address, addr.addressType]);
    port = addr.port;
    if (++listening === 2) requests();
  });
  cluster.on('message', (w, m) => log.push(['cluster message', w.id, m]));
  cluster.on('disconnect', (w) => log.push(['disconnect', w.id]));
  cluster.on('exit', (w, code, signal) => {
    log.push(['exit', w.id, code, signal, w.exitedAfterDisconnect, w.isDead(), w.isConnected()]);
    if (++exited === 2) {
      console.log(log.sort((a, b) => (a[0] + a[1]).localeCompare(b[0] + b[1])), Object.keys(cluster.workers));
    }
  });
  for (let i = 0; i < 2; i++) {
    const w = cluster.fork({ EXTRA: 'x' + i });
    w.on('message', (m) => log.push(['worker message', w.id, m]));
    w.on('online', () => log.push(['w online', w.id]));
    w.on('listening', (addr) => log.push(['w listening', w.id, typeof addr.port]));
    w.on('exit', (code, signal) => log.push(['w exit', w.id, code, signal]));
  }
  console.log(Object.keys(cluster.workers), cluster.workers[1].id, typeof cluster.workers[1].process.pid);
  function requests() {
    const seen = [];
    let n = 0;
    const next = () => {
      if (n++ === 10) {
        console.log('served by', [...new Set(seen)].sort(), seen.length);
        cluster.workers[1].send('bye');
        cluster.workers[2].disconnect();
        return;
      }
      http.get({ port, agent: false, path: '/' }, (res) => {
        let body = '';
        res.on('data', (d) => { body += d; });
        res.on('end', () => { seen.push(body); next(); });
      });
    };
    next();
  }
} else {
  const server = http.createServer((req, res) => res.end(String(cluster.worker.id)));
  server.listen(0);
  process.send({ id: cluster.worker.id, isWorker: cluster.isWorker, isPrimary: cluster.isPrimary,
    extra: process.env.EXTRA, unique: process.env.NODE_UNIQUE_ID, map: new Map([[1, 2]]) });
  process.on('message', (m) => {
    if (m === 'bye') {
      server.close();
      process.exit(3);
    }
  });
}
