// 'beforeExit' fires when the loop drains and may schedule more work (then
// fires again); 'exit' fires once, listeners in registration order; work
// scheduled in 'exit' never runs.
let rounds = 0;
process.on('beforeExit', (code) => {
  console.log('beforeExit', code, 'round', rounds);
  if (rounds++ < 2) setTimeout(() => console.log('work from beforeExit', rounds), 1);
});
process.on('exit', (code) => {
  console.log('exit 1st', code);
  setTimeout(() => console.log('never'), 0);
  process.nextTick(() => console.log('never tick'));
});
process.once('exit', () => console.log('exit 2nd'));
process.prependListener('exit', () => console.log('exit prepended'));
console.log('main done');
