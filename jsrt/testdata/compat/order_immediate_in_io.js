// Inside an I/O callback setImmediate always runs before setTimeout(0);
// inside a timer callback too (the check phase comes before the next timers
// phase). Both are guaranteed by node's loop phases. The two parts run one
// after the other so the I/O completion time cannot reorder them.
const fs = require('fs');
const log = [];
function timerPart() {
  setTimeout(() => {
    setTimeout(() => {
      log.push('timer:timeout');
      console.log(log.join('\n'));
    }, 0);
    setImmediate(() => log.push('timer:immediate'));
  }, 5);
}
fs.readFile(__filename, () => {
  setTimeout(() => {
    log.push('io:timeout');
    timerPart();
  }, 0);
  setImmediate(() => log.push('io:immediate'));
  process.nextTick(() => log.push('io:tick'));
});
