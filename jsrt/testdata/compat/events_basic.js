// Listener order, once, prepend, removeListener/off, listenerCount,
// eventNames, emit return value, `this` and arguments.
const EventEmitter = require('events');
const e = new EventEmitter();
const log = [];
function a(x, y) { log.push(`a:${x},${y}:${this === e}`); }
const b = () => log.push('b');
e.on('ev', a);
e.on('ev', b);
e.once('ev', () => log.push('once'));
e.prependListener('ev', () => log.push('first'));
e.prependOnceListener('ev', () => log.push('first-once'));
console.log('count', e.listenerCount('ev'), 'names', e.eventNames());
console.log('emit ret', e.emit('ev', 1, 2), e.emit('nothing'));
console.log(log.join(' '));
log.length = 0;
e.emit('ev', 3);
console.log(log.join(' '));
e.removeListener('ev', a);
e.off('ev', b);
console.log('after remove', e.listenerCount('ev'));
e.on('x', b).on('y', b);
e.removeAllListeners('x');
console.log('names', e.eventNames());
const seen = [];
e.on('newListener', (name) => seen.push('new:' + name));
e.on('removeListener', (name) => seen.push('rm:' + name));
e.on('z', b);
e.removeListener('z', b);
console.log(seen.join(' '));
console.log('max', e.getMaxListeners(), EventEmitter.defaultMaxListeners);
console.log('listeners copy', e.listeners('y').length, e.rawListeners('y')[0] === b);
class My extends EventEmitter {}
const m = new My();
m.on('hi', function () { console.log('subclass', this instanceof My, this instanceof EventEmitter); });
m.emit('hi');
const s = Symbol('sym');
m.on(s, () => console.log('symbol event'));
m.emit(s);
