// exit: 9
// Setting process.exitCode inside an 'exit' listener changes the final code
// while later listeners still see the original code argument.
process.on('exit', (code) => {
  console.log('first listener sees', code);
  process.exitCode = 9;
});
process.on('exit', (code) => {
  console.log('second listener sees', code, process.exitCode);
});
console.log('main');
