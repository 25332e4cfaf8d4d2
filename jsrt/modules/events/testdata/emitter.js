const EE = require('events');
const e = new EE();
console.log(e);
e.on('x', () => {}); e.once('y', function named() {});
console.log(e, EE.defaultMaxListeners, typeof EE.EventEmitter, EE.EventEmitter === EE, Object.keys(EE).sort());
console.log(Object.getOwnPropertyNames(EE.prototype).sort());
const em = new EE();
em.on('newListener', (n, l) => console.log('newListener', n, typeof l));
em.on('removeListener', (n) => console.log('removed', n));
const h = (a, b) => console.log('h', a, b);
em.on('data', h); em.prependListener('data', () => console.log('first'));
em.once('data', (x) => console.log('once', x));
console.log(em.emit('data', 1, 2), em.emit('nothing'), em.listenerCount('data'), em.eventNames(), em.listeners('data').length, em.rawListeners('data').length);
em.emit('data', 3);
em.off('data', h); console.log(em.listenerCount('data'));
em.removeAllListeners('data'); console.log(em.eventNames());
try { em.emit('error', new Error('bad')); } catch (err) { console.log('caught', err.message); }
try { em.emit('error', 'str'); } catch (err) { console.log('caught', err.message, err.code); }
try { em.on('x', 1); } catch (err) { console.log(err.code, err.message); }
class My extends EE {} const my = new My(); console.log(my, my instanceof EE, my.getMaxListeners());
my.setMaxListeners(1); console.log(my.getMaxListeners());
EE.once(my, 'go').then((args) => console.log('once promise', args));
my.emit('go', 1, 'two');
console.log(EE.listenerCount(my, 'go'));
const ee3 = new EE(); ee3.on('a', function () { console.log(this === ee3); }); ee3.emit('a');
