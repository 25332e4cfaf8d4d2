// exit: 5
// process.exit from inside a promise job and a timer still ends the process
// at once with the given code; exit listeners see it.
process.on('exit', (c) => console.log('exit listener', c));
setTimeout(() => console.log('timer must not run'), 5000);
(async () => {
  await null;
  console.log('in async');
  await new Promise((r) => setTimeout(r, 5));
  console.log('after timer');
  process.exit(5);
})();
