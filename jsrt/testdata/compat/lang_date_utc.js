// Dates from fixed timestamps, read in UTC only (TZ is also UTC in the
// harness), ISO parsing, arithmetic, UTC getters/setters.
const d = new Date(Date.UTC(2024, 1, 29, 23, 59, 58, 123));
console.log(d.toISOString(), d.getTime(), d.valueOf() === +d, JSON.stringify(d));
console.log(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCDay(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
console.log(d.toUTCString());
console.log(new Date(0).toISOString(), new Date(-1).toISOString(), new Date(8.64e15).toISOString());
console.log(Date.parse('2020-01-01T00:00:00Z'), Date.parse('2020-01-01T00:00:00.5+02:00'), Date.parse('2020-06-15'));
console.log(new Date('2000-01-01T12:00:00.000Z').getTime(), isNaN(new Date('garbage')), String(new Date(NaN)));
const e = new Date(Date.UTC(2021, 0, 31));
e.setUTCMonth(1);
console.log('overflow month', e.toISOString());
e.setUTCDate(0);
console.log('day zero', e.toISOString());
e.setUTCHours(48);
console.log('hours overflow', e.toISOString());
console.log('diff days', (Date.UTC(2024, 2, 1) - Date.UTC(2024, 1, 1)) / 86400000);
console.log(Date.UTC(99, 0), Date.UTC(1999, 11, 31, 24), new Date(Date.UTC(2024, 0, 1)).getUTCDay());
console.log(typeof Date.now(), Date.now() > 1.6e12, typeof new Date().getTime());
console.log(new Date(2020, 0, 1, 10).toISOString(), new Date(2020, 5, 15).getTimezoneOffset());
// Only the spec-defined prefix of toString/toTimeString: the zone name in
// parentheses after it is implementation-defined.
console.log(new Date(1e12).toString().slice(0, 33), '|', new Date(1e12).toDateString(), '|', new Date(1e12).toTimeString().slice(0, 17));
console.log(Object.prototype.toString.call(d), d > new Date(0), new Date(d).getTime() === d.getTime());
console.log(new Date('2024-03-10').toISOString(), new Date('2024-03-10T05:06').toISOString());
