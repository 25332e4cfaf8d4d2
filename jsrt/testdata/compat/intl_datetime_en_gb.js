// en-GB dates and times (day first, 24-hour clock, lower-case am/pm with
// hour12), for the common option shapes: defaults, dateStyle/timeStyle,
// numeric and named-month dates, hour/minute/second times.
'use strict';
const show = (label, v) => console.log(label, JSON.stringify(v));
const dates = [Date.UTC(2024, 0, 5, 15, 5, 9, 45), Date.UTC(1999, 11, 31, 0, 0, 0), Date.UTC(2024, 6, 14, 9, 7, 3), Date.UTC(2024, 8, 9, 12, 30, 0)].map((t) => new Date(t));
const opts = [{}, { year: 'numeric' }, { month: 'long' }, { month: 'short' }, { month: 'numeric' }, { day: 'numeric' }, { weekday: 'long' },
  { year: 'numeric', month: 'long' }, { year: 'numeric', month: 'numeric' }, { year: '2-digit', month: '2-digit' }, { month: 'long', day: 'numeric' },
  { month: 'numeric', day: 'numeric' }, { month: '2-digit', day: '2-digit' }, { year: 'numeric', month: 'long', day: 'numeric' },
  { year: 'numeric', month: 'short', day: 'numeric', weekday: 'short' }, { year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' },
  { year: 'numeric', month: '2-digit', day: '2-digit' }, { year: 'numeric', month: 'numeric', day: 'numeric' }, { year: '2-digit', month: 'numeric', day: 'numeric' },
  { weekday: 'long', month: 'numeric', day: 'numeric' }, { weekday: 'short', year: 'numeric', month: 'numeric', day: 'numeric' },
  { hour: 'numeric' }, { hour: 'numeric', minute: '2-digit' }, { hour: '2-digit', minute: '2-digit' }, { hour: 'numeric', minute: '2-digit', second: '2-digit' },
  { hour: 'numeric', hour12: true }, { hour: 'numeric', minute: 'numeric', hour12: true }, { hour: '2-digit', minute: '2-digit', hour12: true },
  { hour: 'numeric', minute: 'numeric', hour12: false }, { hour: 'numeric', minute: 'numeric', hourCycle: 'h12' },
  { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }, { year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit' },
  { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit' }, { hour: 'numeric', minute: 'numeric', timeZoneName: 'short' },
  { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', timeZoneName: 'short' }];
for (const o of opts) {
  const f = new Intl.DateTimeFormat('en-GB', { ...o, timeZone: 'UTC' });
  show(JSON.stringify(o), [dates.map((d) => f.format(d)), f.resolvedOptions()]);
}
for (const s of ['full', 'long', 'medium', 'short']) {
  show(s, dates.slice(0, 2).flatMap((d) => [
    new Intl.DateTimeFormat('en-GB', { dateStyle: s, timeZone: 'UTC' }).format(d),
    new Intl.DateTimeFormat('en-GB', { timeStyle: s, timeZone: 'UTC' }).format(d),
    new Intl.DateTimeFormat('en-GB', { dateStyle: s, timeStyle: s, timeZone: 'UTC' }).format(d),
  ]));
}
for (const d of dates) {
  show(d.toISOString(), [d.toLocaleString('en-GB', { timeZone: 'UTC' }), d.toLocaleDateString('en-GB', { timeZone: 'UTC' }), d.toLocaleTimeString('en-GB', { timeZone: 'UTC' }),
    d.toLocaleString('en-GB', { timeZone: 'Europe/London', timeZoneName: 'short' }), d.toLocaleString('en-GB', { timeZone: 'Europe/London', timeZoneName: 'long' }),
    d.toLocaleString('en-GB', { timeZone: 'America/New_York', timeZoneName: 'short' }), d.toLocaleTimeString('en-GB', { timeZone: 'UTC', hour12: true })]);
}
show('parts', new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', dateStyle: 'medium', timeStyle: 'short' }).formatToParts(dates[0]));
show('resolved', [new Intl.DateTimeFormat('en-GB').resolvedOptions().locale, new Intl.DateTimeFormat(['en-GB', 'en-US']).resolvedOptions().locale]);
