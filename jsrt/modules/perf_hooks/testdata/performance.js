const { performance: p, PerformanceObserver } = require('perf_hooks');
console.log(p === performance, typeof p.timeOrigin, Math.abs(p.timeOrigin - Date.now()) < 5000, p.now() > 0, p.now() < 5000);
const a = p.now(); let s = 0; for (let i = 0; i < 1e5; i++) s += i; const b = p.now(); console.log(b >= a, Number.isInteger(a) ? 'int' : 'frac');
const m = p.mark('start'); console.log(m.name, m.entryType, m.duration, m.detail);
p.mark('end'); const me = p.measure('span', 'start', 'end'); console.log(me.name, me.entryType, me.duration >= 0, p.getEntriesByType('mark').length, p.getEntriesByName('span').length);
try { p.measure('x', 'nope') } catch (e) { console.log(e.name, e.code, e.message) }
