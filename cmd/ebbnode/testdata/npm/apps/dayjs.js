// dayjs with plugins (utc, timezone-free): formatting, arithmetic, diff.
const dayjs = require('dayjs');
const utc = require('dayjs/plugin/utc');
const relativeTime = require('dayjs/plugin/relativeTime');
const customParseFormat = require('dayjs/plugin/customParseFormat');
const isoWeek = require('dayjs/plugin/isoWeek');
dayjs.extend(utc); dayjs.extend(relativeTime); dayjs.extend(customParseFormat); dayjs.extend(isoWeek);
const d = dayjs.utc('2024-02-28T22:30:00Z');
console.log(d.format('YYYY-MM-DD HH:mm:ss dddd MMM Do'), d.add(1, 'day').format('YYYY-MM-DD'), d.add(2, 'day').format('YYYY-MM-DD'));
console.log(d.startOf('month').toISOString(), d.endOf('year').toISOString(), d.isoWeek(), d.daysInMonth());
console.log(dayjs.utc('2024-01-01').diff(d, 'day'), d.from(dayjs.utc('2025-03-01')), d.to(dayjs.utc('2024-02-28T22:35:00Z')));
console.log(dayjs.utc('12-25-1995', 'MM-DD-YYYY').format(), dayjs('not a date').isValid(), dayjs.utc(0).unix());
