// moment: UTC formatting, arithmetic, relative time, strict parsing, a locale.
const moment = require('moment');
const m = moment.utc('2024-02-28T22:30:00Z');
console.log(m.format('dddd, MMMM Do YYYY, h:mm:ss a'), m.clone().add(1, 'day').format('YYYY-MM-DD'), m.isoWeek());
console.log(m.from(moment.utc('2024-03-28T22:30:00Z')), moment.duration(90, 'minutes').humanize(), m.startOf('quarter').toISOString());
console.log(moment.utc('12/25/1995', 'MM/DD/YYYY').valueOf(), moment('nope', 'YYYY-MM-DD', true).isValid(), moment.utc(0).locale('fr').format('LLLL'));
