// exit: 1
// An exception thrown from a timer callback is also fatal: exit code 1.
console.log('start');
setTimeout(() => {
  console.log('in timer');
  throw new TypeError('from timer');
}, 1);
setTimeout(() => console.log('second timer must not run'), 5000);
