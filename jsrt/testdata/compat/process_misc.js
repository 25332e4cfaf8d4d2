// More process: release, features, stdio TTY flags when piped, exitCode
// initial value, umask shape, emit of custom events, listenerCount.
console.log('release', process.release.name, typeof process.release.lts === 'string' || process.release.lts === undefined);
console.log('exitCode initial', process.exitCode);
console.log('stdout isTTY', process.stdout.isTTY, 'stdin isTTY', process.stdin.isTTY, 'columns', process.stdout.columns);
console.log('stdout fd', process.stdout.fd, process.stderr.fd, typeof process.stdout.on, typeof process.stdout.end);
console.log('umask', typeof process.umask(), typeof process.getuid === 'function', typeof process.getgid());
console.log('config', typeof process.config, typeof process.features, typeof process.allowedNodeEnvironmentFlags);
console.log('TZ env', process.env.TZ);
process.on('custom', (a) => console.log('custom event', a));
process.emit('custom', 42);
console.log('listenerCount', process.listenerCount('custom'), typeof process.off, typeof process.once);
console.log('process is EventEmitter', process instanceof require('events'));
console.log('toString tag', Object.prototype.toString.call(process));
console.log('nextTick is function', typeof process.nextTick, typeof process.emitWarning, typeof process.abort);
console.log('argv array', Array.isArray(process.argv), process.argv.every((a) => typeof a === 'string'));
console.log('env is object', typeof process.env, Object.prototype.toString.call(process.env));
console.log('hrtime fn', typeof process.hrtime, typeof process.uptime, typeof process.kill, typeof process.exit);
