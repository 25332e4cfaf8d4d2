// luxon: DateTime in UTC and a fixed offset, durations, intervals, ISO.
const { DateTime, Duration, Interval, FixedOffsetZone } = require('luxon');
const dt = DateTime.fromISO('2024-03-10T01:30:00', { zone: 'utc' });
console.log(dt.toISO(), dt.plus({ hours: 25, minutes: 5 }).toISO(), dt.setZone(FixedOffsetZone.instance(330)).toISO());
console.log(dt.toFormat('yyyy LLL dd HH:mm ccc'), dt.weekNumber, dt.ordinal, dt.daysInMonth);
console.log(Duration.fromObject({ hours: 2, minutes: 90 }).shiftTo('hours', 'minutes').toObject(), Duration.fromISO('P1Y2M3DT4H').as('days'));
const iv = Interval.fromDateTimes(dt, dt.plus({ days: 10 }));
console.log(iv.length('days'), iv.contains(dt.plus({ days: 3 })), iv.splitBy({ days: 4 }).map((i) => i.start.toISODate()).join(','));
console.log(DateTime.fromFormat('2023-07-04 15:05', 'yyyy-MM-dd HH:mm', { zone: 'utc' }).toMillis(), DateTime.fromISO('nope').invalidReason);
console.log(dt.toRelative({ base: dt.plus({ days: 3 }) }), dt.toLocaleString(DateTime.DATE_MED));
