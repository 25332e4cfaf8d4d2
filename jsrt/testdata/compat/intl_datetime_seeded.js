// Intl.DateTimeFormat in en-US over seeded random times, zones and
// realistic option sets (date and time field groups, time-zone names,
// hour cycles), printing each result and its resolvedOptions.
'use strict';
let seed = 19700101;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = (a) => a[Math.floor(rnd() * a.length)];
const usZones = ['UTC', 'America/New_York', 'America/Los_Angeles', 'America/Chicago', 'America/Denver', 'Pacific/Honolulu', 'America/Anchorage', 'America/Phoenix'];
const zones = usZones.concat(['Europe/London', 'Europe/Paris', 'Asia/Tokyo', 'Asia/Kolkata', 'Australia/Sydney', 'America/Sao_Paulo', 'Africa/Cairo']);
const M = () => pick(['numeric', '2-digit', 'long', 'short', 'narrow']);
const N = () => pick(['numeric', '2-digit']);
const dates = [() => ({}), () => ({ year: N(), month: M(), day: N() }), () => ({ month: M(), day: N() }), () => ({ year: N(), month: M() }),
  () => ({ weekday: pick(['long', 'short', 'narrow']), year: N(), month: M(), day: N() }), () => ({ weekday: pick(['long', 'short']), month: M(), day: N() }),
  () => ({ weekday: pick(['long', 'short']) }), () => ({ month: M() }), () => ({ year: N() }), () => ({ day: N() })];
const times = [() => ({}), () => ({ hour: N() }), () => ({ hour: N(), minute: N() }), () => ({ hour: N(), minute: N(), second: N() }), () => ({ minute: N(), second: N() })];
for (let i = 0; i < 300; i++) {
  const o = { timeZone: pick(zones), ...pick(dates)(), ...pick(times)() };
  if (rnd() < 0.2) o.timeZoneName = usZones.includes(o.timeZone) ? pick(['short', 'long', 'shortOffset', 'longOffset']) : pick(['short', 'shortOffset', 'longOffset']);
  // (A 24-hour hour alone beside date fields is left out: ICU's pattern
  // for it is an odd one, "24h".)
  const hourOnly = o.hour && !o.minute;
  if (rnd() < 0.15) o.hour12 = hourOnly || rnd() < 0.5;
  if (rnd() < 0.1) o.hourCycle = hourOnly ? pick(['h11', 'h12']) : pick(['h11', 'h12', 'h23', 'h24']);
  if (rnd() < 0.1 && o.minute) o.fractionalSecondDigits = pick([1, 2, 3]);
  if (rnd() < 0.1) { for (const k of Object.keys(o)) if (k !== 'timeZone') delete o[k]; o.dateStyle = pick(['full', 'long', 'medium', 'short', undefined]); o.timeStyle = pick(['full', 'long', 'medium', 'short']); }
  if (o.timeStyle === 'full' && !usZones.includes(o.timeZone)) o.timeStyle = 'long';
  const t = Math.round(rnd() * 4e12) - 1e12;
  let out;
  try { const f = new Intl.DateTimeFormat('en-US', o); out = [f.format(t), f.resolvedOptions()]; } catch (e) { out = `${e.name}: ${e.message}`; }
  console.log(JSON.stringify(o), t, JSON.stringify(out));
}
