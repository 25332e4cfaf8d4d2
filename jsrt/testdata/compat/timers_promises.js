// timers/promises: setTimeout and setImmediate resolve with the given value;
// shorter timeouts resolve first.
const tp = require('timers/promises');
(async () => {
  console.log('immediate', await tp.setImmediate('imm'));
  const order = [];
  const a = tp.setTimeout(200, 'late').then((v) => order.push(v));
  const b = tp.setTimeout(5, 'early').then((v) => order.push(v));
  await Promise.all([a, b]);
  console.log(order.join(','));
  console.log('undefined value', await tp.setTimeout(1));
  console.log('types', typeof tp.setTimeout, typeof tp.setInterval);
})();
