// Intl.DateTimeFormat and Date#toLocale*String in the process's own time
// zone (TZ from the environment), across a daylight-saving change.
// env: TZ=America/New_York
'use strict';
const show = (label, v) => console.log(label, JSON.stringify(v));
show('zone', [new Intl.DateTimeFormat().resolvedOptions().timeZone, new Intl.DateTimeFormat('en-US', { timeZone: 'UTC' }).resolvedOptions().timeZone]);
const dates = [Date.UTC(2024, 2, 10, 6, 59), Date.UTC(2024, 2, 10, 7, 0), Date.UTC(2024, 10, 3, 5, 30), Date.UTC(2024, 10, 3, 6, 30),
  Date.UTC(2024, 0, 1, 4, 59, 59), Date.UTC(2024, 11, 31, 23, 0)].map((t) => new Date(t));
for (const d of dates) {
  show(d.toISOString(), [d.toLocaleString(), d.toLocaleDateString(), d.toLocaleTimeString(), d.toLocaleString('en-US'),
    d.toLocaleString('en-US', { timeZoneName: 'short' }), d.toLocaleString('en-US', { dateStyle: 'full', timeStyle: 'full' }),
    d.toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit', timeZoneName: 'shortOffset' }),
    new Intl.DateTimeFormat('en-US', { hour: 'numeric', hour12: false }).format(d),
    d.toLocaleString('en-US', { timeZone: 'UTC' }), d.getHours()]);
}
show('parts', new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'long' }).formatToParts(dates[1]));
