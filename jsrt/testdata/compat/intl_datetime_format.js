// Intl.DateTimeFormat in en-US: component options, dateStyle/timeStyle,
// hour cycles, time zones (UTC and named), formatToParts, resolvedOptions.
'use strict';
const show = (label, v) => console.log(label, JSON.stringify(v));
const dates = [
  new Date(Date.UTC(2024, 0, 5, 3, 5, 9, 45)),
  new Date(Date.UTC(1999, 11, 31, 23, 59, 59, 999)),
  new Date(Date.UTC(2024, 6, 4, 12, 0, 0)),
  new Date(Date.UTC(1970, 0, 1, 0, 0, 0)),
];
const opts = [
  {}, { year: 'numeric' }, { month: 'long' }, { month: 'short' }, { month: 'narrow' }, { month: 'numeric' },
  { month: '2-digit' }, { day: 'numeric' }, { weekday: 'long' }, { weekday: 'short' }, { weekday: 'narrow' },
  { year: 'numeric', month: 'long' }, { year: 'numeric', month: 'short' }, { year: 'numeric', month: 'numeric' },
  { year: '2-digit', month: '2-digit' }, { month: 'long', day: 'numeric' }, { month: 'numeric', day: 'numeric' },
  { year: 'numeric', month: 'long', day: 'numeric' }, { year: 'numeric', month: 'short', day: 'numeric', weekday: 'short' },
  { year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' }, { year: 'numeric', month: '2-digit', day: '2-digit' },
  { weekday: 'long', month: 'numeric', day: 'numeric' }, { hour: 'numeric' }, { hour: '2-digit' },
  { hour: 'numeric', minute: '2-digit' }, { hour: '2-digit', minute: '2-digit' }, { hour: 'numeric', minute: '2-digit', second: '2-digit' },
  { hour: 'numeric', hour12: false }, { hour: 'numeric', minute: 'numeric', hour12: false },
  { hour: 'numeric', minute: 'numeric', second: 'numeric', hour12: false }, { minute: 'numeric' }, { second: 'numeric' },
  { minute: '2-digit', second: '2-digit' }, { hour: 'numeric', minute: 'numeric', hourCycle: 'h23' },
  { hour: 'numeric', hourCycle: 'h11' }, { hour: 'numeric', minute: 'numeric', hourCycle: 'h24' },
  { hour: 'numeric', minute: 'numeric', second: 'numeric', fractionalSecondDigits: 3 },
  { minute: 'numeric', second: 'numeric', fractionalSecondDigits: 2 },
  { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' },
  { year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit' },
  { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit' },
  { month: 'numeric', day: 'numeric', hour: 'numeric' }, { hour: 'numeric', timeZoneName: 'short' },
  { timeZoneName: 'short' }, { timeZoneName: 'long' }, { year: 'numeric', timeZoneName: 'short' },
  { hour: 'numeric', minute: 'numeric', timeZoneName: 'long' }, { hour: 'numeric', timeZoneName: 'shortOffset' },
  { era: 'short' }, { year: 'numeric', era: 'short' }, { year: 'numeric', month: 'long', era: 'long' },
];
for (const o of opts) {
  const f = new Intl.DateTimeFormat('en-US', { ...o, timeZone: 'UTC' });
  show(JSON.stringify(o), dates.map((d) => f.format(d)));
}
for (const s of ['full', 'long', 'medium', 'short']) {
  show(s, dates.slice(0, 2).flatMap((d) => [
    new Intl.DateTimeFormat('en-US', { dateStyle: s, timeZone: 'UTC' }).format(d),
    new Intl.DateTimeFormat('en-US', { timeStyle: s, timeZone: 'UTC' }).format(d),
    new Intl.DateTimeFormat('en-US', { dateStyle: s, timeStyle: s, timeZone: 'UTC' }).format(d),
    new Intl.DateTimeFormat('en-US', { dateStyle: s, timeStyle: 'short', timeZone: 'UTC', hour12: false }).format(d),
  ]));
}
for (const z of ['America/New_York', 'America/Los_Angeles', 'America/Chicago', 'Europe/Berlin', 'Asia/Kolkata', 'Asia/Tokyo', 'Etc/UTC', 'utc']) {
  show(z, [dates[0], dates[2]].flatMap((d) => [
    new Intl.DateTimeFormat('en-US', { timeZone: z, dateStyle: 'medium', timeStyle: 'long' }).format(d),
    new Intl.DateTimeFormat('en-US', { timeZone: z, hour: 'numeric', timeZoneName: 'shortOffset' }).format(d),
    new Intl.DateTimeFormat('en-US', { timeZone: z, hour: 'numeric', timeZoneName: 'longOffset' }).format(d),
    new Intl.DateTimeFormat('en-US', { timeZone: z }).resolvedOptions().timeZone,
  ]));
}
show('ny long', new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', timeStyle: 'full' }).format(dates[2]));

show('parts', new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', second: '2-digit', timeZoneName: 'short' }).formatToParts(dates[0]));
show('parts numeric', new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', dateStyle: 'short', timeStyle: 'medium' }).formatToParts(dates[1]));
show('parts frac', new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', minute: '2-digit', second: '2-digit', fractionalSecondDigits: 3 }).formatToParts(dates[0]));

console.log(new Intl.DateTimeFormat('en-US', { timeZone: 'UTC' }).resolvedOptions());
console.log(new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', hour: 'numeric', minute: 'numeric', hour12: false }).resolvedOptions());
console.log(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Tokyo', weekday: 'short', month: 'long', day: '2-digit', hour: '2-digit', hourCycle: 'h11' }).resolvedOptions());
console.log(new Intl.DateTimeFormat('en', { timeZone: 'UTC', dateStyle: 'full', timeStyle: 'short' }).resolvedOptions());
console.log(new Intl.DateTimeFormat(undefined, { timeZone: 'UTC', dateStyle: 'medium' }).resolvedOptions());

const bound = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'short', day: 'numeric' }).format;
show('bound', dates.map(bound));
show('number arg', new Intl.DateTimeFormat('en-US', { timeZone: 'UTC' }).format(86400000 * 366));
show('supported', Intl.DateTimeFormat.supportedLocalesOf(['en-US', 'en']));
for (const [label, f] of [
  ['bad zone', () => new Intl.DateTimeFormat('en', { timeZone: 'Mars/Olympus' })],
  ['style+field', () => new Intl.DateTimeFormat('en', { dateStyle: 'short', year: 'numeric' })],
  ['bad month', () => new Intl.DateTimeFormat('en', { month: 'longest' })],
  ['invalid date', () => new Intl.DateTimeFormat('en').format(new Date(NaN))],
  ['bad fractional', () => new Intl.DateTimeFormat('en', { fractionalSecondDigits: 4 })],
]) {
  try { f(); console.log(label, 'no error'); } catch (e) { console.log(label, e.name, e.message); }
}
