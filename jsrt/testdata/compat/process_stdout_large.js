// exit: 3
// A large burst of output reaches the pipe completely when the process ends
// by draining its loop (process.exit right after the writes is left out: node
// itself may drop queued pipe writes then).
const line = 'x'.repeat(99);
for (let i = 0; i < 3000; i++) console.log(i.toString().padStart(5, '0') + line);
process.stdout.write(Buffer.alloc(100000, 'y'));
process.stdout.write('\nlast line\n');
process.exitCode = 3;
