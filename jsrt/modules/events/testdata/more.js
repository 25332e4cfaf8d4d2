const EventEmitter = require('events');
const { once, on, getEventListeners, errorMonitor } = EventEmitter;
const e = new EventEmitter();
const sym = Symbol('evt');
e.on(sym, (x) => console.log('symbol event', x)); e.emit(sym, 1); console.log(e.eventNames(), e.listenerCount(sym));
e.on(errorMonitor, (err) => console.log('monitor saw', err.message)); e.on('error', (err) => console.log('handled', err.message)); e.emit('error', new Error('E1'));
once(e, 'ready').then(([a, b]) => console.log('ready', a, b)); e.emit('ready', 'x', 'y');
once(e, 'never').catch((err) => console.log('once rejected', err.message)); e.emit('error', new Error('boom'));
const f = () => {}; e.on('dup', f); e.on('dup', f); console.log(e.listenerCount('dup'), e.listenerCount('dup', f)); e.removeListener('dup', f); console.log(e.listenerCount('dup'));
const order = []; e.on('o', () => order.push(1)); e.prependOnceListener('o', () => order.push(0)); e.emit('o'); e.emit('o'); console.log(order);
e.once('w', function w() {}); console.log(e.rawListeners('w')[0].listener.name, e.listeners('w')[0].name, getEventListeners(e, 'w').length);
const e2 = new EventEmitter(); e2.on('a', () => { e2.removeAllListeners('a'); console.log('first'); }); e2.on('a', () => console.log('second still runs')); e2.emit('a'); console.log(e2.emit('a'));
const e3 = new EventEmitter(); e3.on('removeListener', (n) => console.log('rm', n)); e3.on('x', f); e3.on('y', f); e3.removeAllListeners(); console.log(e3.eventNames());
try { new EventEmitter().emit('error') } catch (err) { console.log(err.code, err.message) }
try { new EventEmitter().emit('error', { msg: 1 }) } catch (err) { console.log(err.code, err.message) }
try { new EventEmitter().setMaxListeners(-1) } catch (err) { console.log(err.code, err.message) }
console.log(typeof EventEmitter.setMaxListeners, EventEmitter.getMaxListeners(new EventEmitter()), new EventEmitter({ captureRejections: true }));
class Sub extends EventEmitter { constructor() { super(); this.extra = 1; } } console.log(new Sub());
const it = on(new EventEmitter(), "v"); console.log(typeof it.next, typeof it[Symbol.asyncIterator]);
const ee4 = new EventEmitter(); const it2 = on(ee4, 'v'); it2.next().then((r) => console.log('next', r)); ee4.emit('v', 1); ee4.emit('v', 2);
it2.next().then((r) => console.log('next2', r)); it2.return().then((r) => console.log('ret', r, ee4.listenerCount('v')));
