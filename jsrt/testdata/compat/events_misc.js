// More EventEmitter: errorMonitor, getEventListeners, setMaxListeners,
// once wrappers seen through listeners()/rawListeners(), listener removal
// during emit, static listenerCount.
const events = require('events');
const { EventEmitter } = events;
const e = new EventEmitter();
e.on(EventEmitter.errorMonitor, (err) => console.log('monitor saw', err.message));
e.on('error', (err) => console.log('handler saw', err.message));
e.emit('error', new Error('x'));
function l1() { console.log('l1'); }
e.once('ev', l1);
console.log('listeners unwrap once', e.listeners('ev')[0] === l1, e.rawListeners('ev')[0] === l1, typeof e.rawListeners('ev')[0].listener);
console.log('getEventListeners', events.getEventListeners(e, 'ev').length);
const order = [];
function a() { order.push('a'); e.removeListener('tick', b); }
function b() { order.push('b'); }
e.on('tick', a);
e.on('tick', b);
e.emit('tick');
e.emit('tick');
console.log('removal during emit', order.join(','));
e.setMaxListeners(1);
console.log('max', e.getMaxListeners());
console.log('static listenerCount', EventEmitter.listenerCount(e, 'tick'));
console.log('emit returns', e.emit('nobody'), e.emit('tick'));
const target = new EventTarget();
console.log('getEventListeners on EventTarget', events.getEventListeners(target, 'x').length);
console.log('captureRejections', typeof EventEmitter.captureRejections, typeof events.once, typeof events.on);
const e2 = new EventEmitter();
e2.on('x', function () { console.log('args', arguments.length, [...arguments].join('|')); });
e2.emit('x', 1, 2, 3, 4, 5, 6);
console.log('inherits prototype', Object.getPrototypeOf(EventEmitter.prototype) === Object.prototype, typeof EventEmitter.prototype.addListener);
console.log(EventEmitter.prototype.on === EventEmitter.prototype.addListener, EventEmitter.prototype.off === EventEmitter.prototype.removeListener);
