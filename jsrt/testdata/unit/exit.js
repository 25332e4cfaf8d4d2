// process.exit stops at once: no later timers, ticks or output.
process.on('exit', (code) => console.log('exit listener', code));
setTimeout(() => console.log('never'), 0);
process.nextTick(() => console.log('never tick'));
console.log('before');
process.exit(5);
console.log('never after');
