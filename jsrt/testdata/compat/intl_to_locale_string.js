// The toLocaleString family and localeCompare with locales and options,
// as node 20 routes them through Intl.
'use strict';
const show = (label, v) => console.log(label, JSON.stringify(v));
show('number', [(1234.5).toLocaleString('en-US'), (1234.5).toLocaleString(), (0.5).toLocaleString('en-US', { style: 'percent' }),
  (1234.5).toLocaleString('de-DE'), (1234.5).toLocaleString('en-US', { style: 'currency', currency: 'EUR' }),
  (1234.5678).toLocaleString(undefined, { maximumFractionDigits: 2 }), (42).toLocaleString('en-US', { minimumIntegerDigits: 4, useGrouping: false }),
  (-0).toLocaleString(), NaN.toLocaleString(), (1e21).toLocaleString(), Number.MAX_SAFE_INTEGER.toLocaleString('en-IN'),
  new Number(7.25).toLocaleString('fr'), (1234.5).toLocaleString(['xx-YY', 'es'])]);
show('bigint', [(12345678901234567890n).toLocaleString(), (-1234n).toLocaleString('de'), (5n).toLocaleString('en', { style: 'currency', currency: 'JPY' })]);
const d = new Date(Date.UTC(2024, 1, 29, 18, 30, 15, 250));
show('date', [d.toLocaleString('en-US', { timeZone: 'UTC' }), d.toLocaleDateString('en-US', { timeZone: 'UTC' }), d.toLocaleTimeString('en-US', { timeZone: 'UTC' }),
  d.toLocaleString(), d.toLocaleDateString(), d.toLocaleTimeString(),
  d.toLocaleDateString('en-US', { timeZone: 'UTC', weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }),
  d.toLocaleTimeString('en-US', { timeZone: 'UTC', hour: '2-digit', minute: '2-digit' }),
  d.toLocaleTimeString('en-US', { timeZone: 'America/Los_Angeles', timeZoneName: 'short' }),
  d.toLocaleDateString('en-US', { timeZone: 'UTC', month: 'short' }), d.toLocaleTimeString('en-US', { timeZone: 'UTC', year: 'numeric' }),
  d.toLocaleString('en-US', { timeZone: 'UTC', hour: 'numeric' }), d.toLocaleString('en-US', { timeZone: 'UTC', dateStyle: 'medium' }),
  new Date(NaN).toLocaleString(), new Date(NaN).toLocaleDateString('en-US'), new Date(-62198755200000).toLocaleDateString('en-US', { timeZone: 'UTC' })]);
try { d.toLocaleDateString('en-US', { timeStyle: 'short' }); } catch (e) { console.log(e.name, e.message); }
try { d.toLocaleTimeString('en-US', { dateStyle: 'short' }); } catch (e) { console.log(e.name, e.message); }
try { Date.prototype.toLocaleString.call({}); } catch (e) { console.log(e.name); }
show('array', [[1234.5, 'x', null, undefined, new Date(0), 10n, [5678.9]].toLocaleString('en-US', { timeZone: 'UTC' }),
  [1234.5, 6789].toLocaleString('de-DE'), [0.25].toLocaleString('en', { style: 'percent' }), [].toLocaleString(),
  new Float64Array([1234.5, 2]).toLocaleString(), [{ toLocaleString: (l, o) => `${l}|${JSON.stringify(o)}` }].toLocaleString('fr', { a: 1 })]);
const cyclic = [1000, 2000];
cyclic.push(cyclic);
show('cyclic', cyclic.toLocaleString());
show('localeCompare', ['a'.localeCompare('b'), 'b'.localeCompare('a'), 'a'.localeCompare('a'), 'a'.localeCompare('A'), 'é'.localeCompare('f'),
  'a'.localeCompare('á', 'en', { sensitivity: 'base' }), '10'.localeCompare('9', undefined, { numeric: true }), ''.localeCompare('a'), 'a'.localeCompare()]);
show('sorted', ['Zoë', 'zoe', 'Émile', 'eagle', 'Eagle', 'apple', '_x', '1x', 'Ápple'].sort((a, b) => a.localeCompare(b)));
show('methods', [Number.prototype.toLocaleString.length, Number.prototype.toLocaleString.name, Date.prototype.toLocaleDateString.name,
  String.prototype.localeCompare.length, Array.prototype.toLocaleString.length,
  Object.getOwnPropertyDescriptor(Number.prototype, 'toLocaleString').enumerable]);
try { Number.prototype.toLocaleString.call('x'); } catch (e) { console.log(e.name); }
try { (1).toLocaleString('en', { style: 'currency' }); } catch (e) { console.log(e.name, e.message); }
try { (1).toLocaleString('bad locale!'); } catch (e) { console.log(e.name, e.message); }
