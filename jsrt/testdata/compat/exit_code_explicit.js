// exit: 3
// process.exit(n) ends at once with code n: later code, pending timers and
// promise jobs do not run, but 'exit' listeners do, with the code.
process.on('exit', (code) => console.log('exit listener', code, process.exitCode));
setTimeout(() => console.log('timer must not run'), 0);
Promise.resolve().then(() => console.log('promise must not run'));
console.log('before exit');
process.exit(3);
console.log('after exit must not print');
