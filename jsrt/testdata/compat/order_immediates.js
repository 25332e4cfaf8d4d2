// Immediates run FIFO; nextTicks and microtasks run between each immediate;
// an immediate queued by an immediate waits for the next loop turn, after the
// ones already queued.
const log = [];
setImmediate(() => {
  log.push('imm1');
  process.nextTick(() => log.push('imm1:tick'));
  Promise.resolve().then(() => log.push('imm1:promise'));
  setImmediate(() => {
    log.push('imm1:child');
    console.log(log.join('\n'));
  });
});
setImmediate(() => log.push('imm2'));
const h = setImmediate(() => log.push('imm3-cleared'));
setImmediate(() => log.push('imm4'));
clearImmediate(h);
setImmediate((a, b) => log.push('imm5 args ' + a + ' ' + b), 'x', 'y');
