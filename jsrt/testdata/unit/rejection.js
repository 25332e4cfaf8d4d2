// An unhandled rejection ends the process with code 1.
console.log('start');
async function f() { throw new RangeError('async failure'); }
f();
setTimeout(() => console.log('never'), 10);
