// process.nextTick passes extra arguments; hrtime returns [s, ns] and its
// diff form; hrtime.bigint is a bigint; memoryUsage and uptime shapes.
process.nextTick((a, b, c) => console.log('tick args', a, b, c), 1, 'two', { three: 3 });
process.nextTick(function () { console.log('tick this', this === undefined || this === globalThis || typeof this); });
const t = process.hrtime();
console.log('hrtime shape', Array.isArray(t), t.length, Number.isInteger(t[0]), Number.isInteger(t[1]), t[1] >= 0 && t[1] < 1e9);
const d = process.hrtime(t);
console.log('diff shape', d.length, d[0] >= 0, d[1] >= 0 && d[1] < 1e9);
const b1 = process.hrtime.bigint();
const b2 = process.hrtime.bigint();
console.log('bigint', typeof b1, b2 >= b1);
const mu = process.memoryUsage();
console.log('memoryUsage', typeof mu.rss, typeof mu.heapUsed, typeof mu.heapTotal);
console.log('uptime', typeof process.uptime(), process.uptime() >= 0);
console.log('cpuUsage', typeof process.cpuUsage().user);
console.log('emitWarning', typeof process.emitWarning, 'stdout.write', typeof process.stdout.write);
process.stdout.write('written without newline;');
process.stdout.write(' then a newline\n');
const ok = process.stdout.write(Buffer.from('buffer write\n'));
console.log('write returns', typeof ok);
try {
  process.nextTick('not a function');
} catch (e) {
  console.log('nextTick bad arg', e.name, e.code);
}
