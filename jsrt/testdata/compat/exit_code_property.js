// exit: 7
// process.exitCode sets the code used when the loop drains; pending work
// still runs; the last assignment wins.
process.exitCode = 4;
setTimeout(() => {
  console.log('timer still runs, exitCode', process.exitCode);
  process.exitCode = 7;
}, 5);
process.on('exit', (code) => console.log('exit with', code));
