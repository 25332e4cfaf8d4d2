// cluster: kill() ends a worker at once ('exit' with a null code and
// SIGTERM, not after a disconnect); cluster.disconnect() closes every
// worker's servers and channel, its callback runs when all are
// disconnected, and each then ends by itself with 0.
const cluster = require('cluster');
if (cluster.isPrimary) {
  const log = [];
  const a = cluster.fork();
  a.on('online', () => a.kill());
  a.on('exit', (code, sig) => {
    log.push(['a exit', code, sig, a.exitedAfterDisconnect, a.state]);
    const b = cluster.fork();
    b.on('message', (m) => {
      log.push(['b says', m]);
      cluster.disconnect(() => log.push(['all disconnected', Object.keys(cluster.workers)]));
    });
    b.on('exit', (code, sig) => { log.push(['b exit', code, sig, b.exitedAfterDisconnect]); console.log(log); });
  });
} else {
  process.on('disconnect', () => {});
  require('net').createServer().listen(0, () => process.send('listening'));
  process.on('message', () => {});
}
