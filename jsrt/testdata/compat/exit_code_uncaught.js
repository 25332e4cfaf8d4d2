// exit: 1
// An uncaught exception exits with code 1 after printing to stderr (not
// compared: node's stack text). Output printed before it is kept; 'exit'
// listeners run with code 1; later timers never run.
console.log('before throw');
process.on('exit', (code) => console.log('exit listener', code));
setTimeout(() => console.log('timer must not run'), 5000);
function thrower() {
  throw new Error('uncaught!');
}
thrower();
