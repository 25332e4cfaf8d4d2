// 'error' without a listener throws the error itself (or a wrapping
// ERR_UNHANDLED_ERROR for non-Errors); with a listener it is delivered.
// events.once returns a promise of the argument list.
const EventEmitter = require('events');
const e = new EventEmitter();
try {
  e.emit('error', new TypeError('boom'));
} catch (err) {
  console.log('thrown', err.name, err.message);
}
try {
  e.emit('error', 'just a string');
} catch (err) {
  console.log('wrapped', err.code, err.message);
}
e.on('error', (err) => console.log('handled', err.message));
console.log('emit ret', e.emit('error', new Error('caught')));
const e2 = new EventEmitter();
e2.on('data', () => { throw new RangeError('listener threw'); });
try {
  e2.emit('data');
} catch (err) {
  console.log('listener error propagates', err.name, err.message);
}
(async () => {
  const e3 = new EventEmitter();
  setTimeout(() => e3.emit('ready', 1, 'two'), 1);
  const args = await EventEmitter.once(e3, 'ready');
  console.log('once promise', JSON.stringify(args));
  const e4 = new EventEmitter();
  setTimeout(() => e4.emit('error', new Error('rejected')), 1);
  try {
    await EventEmitter.once(e4, 'never');
  } catch (err) {
    console.log('once rejects on error', err.message);
  }
})();
