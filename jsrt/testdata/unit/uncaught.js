// An uncaught error in a timer: exit 1 after 'exit' listeners.
process.on('exit', (code) => console.log('exit', code));
function fail() {
  throw new TypeError('bad thing');
}
setTimeout(fail, 1);
