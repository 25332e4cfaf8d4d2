// process basics; run with args "one two" and env GREETING=hi.
console.log(process.argv.length, process.argv.slice(2), require('path').isAbsolute(process.argv[1]));
console.log(process.env.GREETING, process.env.NOPE, typeof process.env);
console.log(process.platform, typeof process.pid, process.version.startsWith('v20'), typeof process.versions.node);
const t = process.hrtime();
console.log(Array.isArray(t), t.length, typeof process.hrtime.bigint(), process.hrtime(t)[0] >= 0);
console.log(typeof process.memoryUsage().heapUsed, process.uptime() >= 0, process.cwd() === require('path').resolve('.'));
process.stdout.write('bytes:');
process.stdout.write(Buffer.from([0xe2, 0x9c, 0x93, 0x0a]));
process.stderr.write('to stderr\n');
console.error('console.error');
console.log('%s=%d %j', 'x', 42, { a: [1] }, 'extra');
process.nextTick((a, b) => console.log('tick args', a, b), 1, 'two');
console.log(process instanceof require('events'), typeof process.on, process.listenerCount('exit'));
process.on('exit', (code) => console.log('exit', code, process.exitCode));
process.exitCode = 3;
