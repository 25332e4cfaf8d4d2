// Timeout handles: refresh() restarts the countdown, a handle converts to a
// numeric id that clearTimeout accepts, close() cancels. (The refreshed
// timer is long so a stalled machine cannot let it fire early.)
let fired = 0;
const t = setTimeout(() => { fired++; console.log('refreshed timer fired once', fired); }, 500);
const iv = setInterval(() => t.refresh(), 20);
setTimeout(() => {
  clearInterval(iv);
  console.log('not fired while refreshed', fired === 0);
}, 150);
const byId = setTimeout(() => console.log('cleared by id (should not print)'), 10);
const id = +byId;
console.log('id is number', typeof id, Number.isInteger(id), id > 0);
clearTimeout(id);
const closed = setTimeout(() => console.log('closed (should not print)'), 10);
console.log('close returns handle', closed.close() === closed);
const imm = setImmediate(() => {});
console.log('immediate handle', typeof imm, typeof imm.hasRef, imm.hasRef());
clearImmediate(imm);
