// Intl.DateTimeFormat: part of node:internal/intl, one
// module body with intl.js (which says how).

// ---- DateTimeFormat -----------------------------------------------------

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
// ICU's long names for the US zones' abbreviations; other zones get an
// offset (node names them all).
const ZONE_NAMES = {
  EST: 'Eastern Standard Time', EDT: 'Eastern Daylight Time', CST: 'Central Standard Time',
  CDT: 'Central Daylight Time', MST: 'Mountain Standard Time', MDT: 'Mountain Daylight Time',
  PST: 'Pacific Standard Time', PDT: 'Pacific Daylight Time', AKST: 'Alaska Standard Time',
  AKDT: 'Alaska Daylight Time', HST: 'Hawaii-Aleutian Standard Time', GMT: 'Greenwich Mean Time',
};
// The fields whose presence stops ToDateTimeOptions adding defaults (era
// and timeZoneName do not count).
const DATE_FIELDS = ['weekday', 'year', 'month', 'day'];
const TIME_FIELDS = ['dayPeriod', 'hour', 'minute', 'second', 'fractionalSecondDigits'];
const STYLES = {
  date: {
    full: { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' },
    long: { year: 'numeric', month: 'long', day: 'numeric' },
    medium: { year: 'numeric', month: 'short', day: 'numeric' },
    short: { year: '2-digit', month: 'numeric', day: 'numeric' },
  },
  time: {
    full: { hour: 'numeric', minute: '2-digit', second: '2-digit', timeZoneName: 'long' },
    long: { hour: 'numeric', minute: '2-digit', second: '2-digit', timeZoneName: 'short' },
    medium: { hour: 'numeric', minute: '2-digit', second: '2-digit' },
    short: { hour: 'numeric', minute: '2-digit' },
  },
};

// DateTimeFormat's required/defaults follow ToDateTimeOptions: the
// constructor and toLocaleString ask for 'any' with 'date' or 'all'
// defaults, toLocaleDateString 'date', toLocaleTimeString 'time'.
// dtfMode is ToDateTimeOptions' [required, defaults] for the next
// DateTimeFormat built; the toLocale* methods set it.
let dtfMode = ['any', 'date'];

function DateTimeFormat(locales, options) {
  if (!new.target) return new DateTimeFormat(locales, options);
  const [required, defaults] = dtfMode;
  dtfMode = ['any', 'date'];
  const locale = resolveLocale(locales, 'date');
  options = toOptions(options, 'DateTimeFormat');
  const C = 'DateTimeFormat';
  const s = { cls: DateTimeFormat, locale };
  getOption(options, 'localeMatcher', ['lookup', 'best fit'], 'best fit', C);
  const calendar = getOption(options, 'calendar', undefined, undefined, C);
  if (calendar !== undefined && !/^[a-z0-9]{3,8}(-[a-z0-9]{3,8})*$/i.test(calendar)) throw new RangeError(`Invalid calendar : ${calendar}`);
  getOption(options, 'numberingSystem', undefined, undefined, C);
  const hour12 = getOption(options, 'hour12', 'boolean', undefined, C);
  let hourCycle = getOption(options, 'hourCycle', ['h11', 'h12', 'h23', 'h24'], undefined, C);
  // As ECMA-402 before 2024 and V8 in node 20: hour12:false on a locale
  // whose default cycle is h12 means h24 (so midnight is 24:00).
  // en-GB (default h23) gets h11 and h23, as V8 maps it.
  const gb = locale === 'en-GB';
  s.gb = gb;
  if (hour12 !== undefined) hourCycle = hour12 ? (gb ? 'h11' : 'h12') : (gb ? 'h23' : 'h24');
  let tz = options.timeZone;
  if (tz === undefined) {
    s.timeZone = h.defaultTimeZone();
  } else {
    s.timeZone = h.timeZone(String(tz));
    if (s.timeZone === null) throw new RangeError(`Invalid time zone specified: ${String(tz)}`);
  }
  const f = {};
  f.weekday = getOption(options, 'weekday', ['narrow', 'short', 'long'], undefined, C);
  f.era = getOption(options, 'era', ['narrow', 'short', 'long'], undefined, C);
  f.year = getOption(options, 'year', ['2-digit', 'numeric'], undefined, C);
  f.month = getOption(options, 'month', ['2-digit', 'numeric', 'narrow', 'short', 'long'], undefined, C);
  f.day = getOption(options, 'day', ['2-digit', 'numeric'], undefined, C);
  f.dayPeriod = getOption(options, 'dayPeriod', ['narrow', 'short', 'long'], undefined, C);
  f.hour = getOption(options, 'hour', ['2-digit', 'numeric'], undefined, C);
  f.minute = getOption(options, 'minute', ['2-digit', 'numeric'], undefined, C);
  f.second = getOption(options, 'second', ['2-digit', 'numeric'], undefined, C);
  f.fractionalSecondDigits = getNumberOption(options, 'fractionalSecondDigits', 1, 3, undefined);
  f.timeZoneName = getOption(options, 'timeZoneName', ['short', 'long', 'shortOffset', 'longOffset', 'shortGeneric', 'longGeneric'], undefined, C);
  getOption(options, 'formatMatcher', ['basic', 'best fit'], 'best fit', C);
  const dateStyle = getOption(options, 'dateStyle', ['full', 'long', 'medium', 'short'], undefined, C);
  const timeStyle = getOption(options, 'timeStyle', ['full', 'long', 'medium', 'short'], undefined, C);
  const explicit = Object.keys(f).filter((k) => f[k] !== undefined);
  if (dateStyle || timeStyle) {
    if (explicit.length) throw new TypeError(`Can't set option ${explicit[0]} when ${dateStyle ? 'dateStyle' : 'timeStyle'} is used`);
    if (required === 'date' && !dateStyle) throw new TypeError('Invalid option : timeStyle');
    if (required === 'time' && !timeStyle) throw new TypeError('Invalid option : dateStyle');
    const date = gb && dateStyle === 'short' ? { year: 'numeric', month: '2-digit', day: '2-digit' } : STYLES.date[dateStyle];
    Object.assign(f, dateStyle && date, timeStyle && STYLES.time[timeStyle]);
    s.dateStyle = dateStyle;
    s.timeStyle = timeStyle;
  } else {
    const fields = required === 'date' ? DATE_FIELDS : required === 'time' ? TIME_FIELDS : DATE_FIELDS.concat(TIME_FIELDS);
    if (!fields.some((k) => f[k] !== undefined)) {
      if (defaults === 'date' || defaults === 'all') Object.assign(f, { year: 'numeric', month: 'numeric', day: 'numeric' });
      if (defaults === 'time' || defaults === 'all') {
        Object.assign(f, { hour: 'numeric', minute: 'numeric', second: 'numeric' });
        s.defaultTime = true;
      }
    }
  }
  // Fractional seconds beside an hour or minute bring the seconds along.
  if (f.fractionalSecondDigits && (f.hour || f.minute) && !f.second) f.second = '2-digit';
  if (f.hour !== undefined) {
    s.hourCycle = hourCycle || (gb ? 'h23' : 'h12');
    // en patterns: two-digit minutes and seconds beside an hour, and a
    // two-digit hour on a 24-hour clock (which en-GB's resolvedOptions
    // still calls numeric beside minutes when no cycle was asked for).
    if (f.minute) f.minute = '2-digit';
    if (f.second) f.second = '2-digit';
    const h24 = s.hourCycle === 'h23' || s.hourCycle === 'h24';
    const dated = f.weekday || f.year || f.month || f.day;
    if (h24 && !(gb && f.minute && hourCycle === undefined && (dated || !f.timeZoneName))) f.hour = '2-digit';
    // en-GB pads the hour it reports as numeric only in its default and
    // style patterns ("HH:mm:ss"), not in "H:mm" asked for by fields.
    s.hour2 = h24 && (!gb || f.hour === '2-digit' || (s.defaultTime && !f.timeZoneName) || timeStyle !== undefined);
  } else if (f.minute && f.second) {
    f.second = '2-digit';
    f.minute = '2-digit';
  } else {
    // A lone minute or second is a plain number in ICU's patterns.
    if (f.minute) f.minute = 'numeric';
    if (f.second) f.second = 'numeric';
  }
  // en-GB writes numeric dates as dd/MM/y.
  const numericMonth = f.month === 'numeric' || f.month === '2-digit';
  if (gb && numericMonth && (f.day || f.year)) f.month = '2-digit';
  if (gb && numericMonth && f.day) f.day = '2-digit';
  s.f = f;
  slots.set(this, s);
}

function pad2(n) { return n < 10 ? `0${n}` : String(n); }

function offsetName(mins, long) {
  const sign = mins < 0 ? '-' : '+';
  const a = Math.abs(mins);
  const hh = Math.floor(a / 60);
  const mm = a % 60;
  if (long) return `GMT${sign}${pad2(hh)}:${pad2(mm)}`;
  return `GMT${sign}${hh}${mm ? `:${pad2(mm)}` : ''}`;
}

function zoneName(s, style, offset, abbr, t) {
  // ICU's metazone names for the US zones start in 1970; en-GB names
  // Britain's zones, not America's.
  if (t < 0) abbr = '';
  if (s.gb && (style === 'short' || style === 'long')) {
    if (s.timeZone === 'Europe/London' && (abbr === 'GMT' || abbr === 'BST')) {
      return style === 'short' ? abbr : abbr === 'GMT' ? 'Greenwich Mean Time' : 'British Summer Time';
    }
    if (style === 'short' && s.timeZone !== 'UTC') abbr = '';
  }
  if (s.timeZone === 'UTC' && (style === 'short' || style === 'long' || style === 'shortGeneric' || style === 'longGeneric')) {
    return style.startsWith('long') ? 'Coordinated Universal Time' : 'UTC';
  }
  switch (style) {
    case 'short': case 'shortGeneric':
      return ZONE_NAMES[abbr] ? abbr : offsetName(offset, false);
    case 'long': case 'longGeneric':
      return ZONE_NAMES[abbr] || offsetName(offset, true);
    case 'shortOffset':
      return offsetName(offset, false);
  }
  return offsetName(offset, true);
}

function dateParts(s, x) {
  if (x === undefined) x = Date.now();
  else x = Number(x);
  if (!Number.isFinite(x) || Math.abs(x) > 8.64e15) throw new RangeError('Invalid time value');
  const [y, mo, d, wd, hr, mi, sec, ms, offset, abbr] = h.dateFields(x, s.timeZone === h.defaultTimeZone() ? '' : s.timeZone);
  const f = s.f;
  const parts = [];
  const lit = (v) => parts.push({ type: 'literal', value: v });
  const add = (type, value) => parts.push({ type, value: String(value) });
  const textMonth = f.month === 'long' || f.month === 'short' || f.month === 'narrow';
  const yearStr = f.year === '2-digit' ? pad2(((y % 100) + 100) % 100) : String(y > 0 ? y : 1 - y);
  const monthStr = f.month === 'long' ? MONTHS[mo - 1] : f.month === 'short' ? (s.gb && mo === 9 ? 'Sept' : MONTHS[mo - 1].slice(0, 3))
    : f.month === 'narrow' ? MONTHS[mo - 1][0] : f.month === '2-digit' ? pad2(mo) : String(mo);
  const dayStr = f.day === '2-digit' ? pad2(d) : String(d);
  const hasDate = f.weekday || f.year || f.month || f.day;
  const w = WEEKDAYS[wd];
  const weekday = f.weekday === 'long' ? w : f.weekday === 'short' ? w.slice(0, 3) : w[0];
  const dayOnly = f.day && !f.year && !f.month;
  if (f.weekday && !dayOnly) {
    add('weekday', weekday);
    // en's "E, MMM d" but "E h:mm a"; en-GB's "E dd/MM".
    if (f.year || f.month) lit(s.gb && !textMonth && !f.year ? ' ' : ', ');
  }
  if (textMonth && s.gb) {
    if (f.day) { add('day', dayStr); lit(' '); }
    add('month', monthStr);
    if (f.year) { lit(' '); add('year', yearStr); }
  } else if (textMonth) {
    add('month', monthStr);
    if (f.day) { lit(' '); add('day', dayStr); }
    if (f.year) { lit(f.day ? ', ' : ' '); add('year', yearStr); }
  } else {
    const fields = [];
    if (s.gb && f.day) fields.push(['day', dayStr]);
    if (f.month) fields.push(['month', monthStr]);
    if (!s.gb && f.day) fields.push(['day', dayStr]);
    if (f.year) fields.push(['year', yearStr]);
    for (let i = 0; i < fields.length; i++) {
      if (i) lit('/');
      add(fields[i][0], fields[i][1]);
    }
    if (f.weekday && dayOnly) { lit(' '); add('weekday', weekday); } // "d E"
  }
  if (f.era) {
    if (hasDate) lit(' ');
    add('era', y > 0 ? (f.era === 'long' ? 'Anno Domini' : f.era === 'short' ? 'AD' : 'A') : (f.era === 'long' ? 'Before Christ' : f.era === 'short' ? 'BC' : 'B'));
  }
  const hasTime = f.hour || f.minute || f.second || f.fractionalSecondDigits || f.dayPeriod;
  if (f.weekday && !f.year && !f.month && !f.day && f.hour && !f.timeZoneName && (s.hourCycle !== 'h24' || f.minute)) lit(' '); // "E h a"
  else if (hasDate && (hasTime || f.timeZoneName)) lit(f.month === 'long' ? ' at ' : ', ');
  let first = true;
  const sep = (v) => { if (!first) lit(v); first = false; };
  const h12 = s.hourCycle === 'h12' || s.hourCycle === 'h11';
  if (f.hour) {
    let hv = hr;
    if (s.hourCycle === 'h12') hv = hr % 12 || 12;
    else if (s.hourCycle === 'h11') hv = hr % 12;
    else if (s.hourCycle === 'h24') hv = hr || 24;
    sep('');
    add('hour', f.hour === '2-digit' || s.hour2 ? pad2(hv) : hv);
  }
  if (f.minute) { sep(':'); add('minute', f.minute === '2-digit' ? pad2(mi) : mi); }
  if (f.second) { sep(':'); add('second', f.second === '2-digit' ? pad2(sec) : sec); }
  if (f.fractionalSecondDigits) {
    if (first) first = false;
    else lit('.');
    add('fractionalSecond', String(ms + 1000).slice(1, 1 + f.fractionalSecondDigits));
  }
  // ICU puts a narrow no-break space before AM/PM; V8's format() (not
  // formatToParts) turns it back into a space.
  if (f.hour && h12) { lit('\u202f'); add('dayPeriod', s.gb ? (hr < 12 ? 'am' : 'pm') : hr < 12 ? 'AM' : 'PM'); }
  if (f.dayPeriod && !f.hour) {
    add('dayPeriod', hr >= 6 && hr < 12 ? 'in the morning' : hr >= 12 && hr < 18 ? 'in the afternoon' : hr >= 18 && hr < 21 ? 'in the evening' : 'at night');
  }
  if (f.timeZoneName) {
    if (hasTime) lit(' ');
    add('timeZoneName', zoneName(s, f.timeZoneName, offset, abbr, x));
  }
  return parts;
}

const boundDateFormats = new WeakMap();

define(DateTimeFormat, 'Intl.DateTimeFormat', {
  formatToParts(date) { return dateParts(slot(this, DateTimeFormat, 'Intl.DateTimeFormat.prototype.formatToParts'), date); },
  resolvedOptions() {
    const s = slot(this, DateTimeFormat, 'Intl.DateTimeFormat.prototype.resolvedOptions');
    const o = { locale: s.locale, calendar: 'gregory', numberingSystem: 'latn', timeZone: s.timeZone };
    if (s.hourCycle) {
      o.hourCycle = s.hourCycle;
      o.hour12 = s.hourCycle === 'h11' || s.hourCycle === 'h12';
    }
    if (s.dateStyle || s.timeStyle) {
      if (s.dateStyle) o.dateStyle = s.dateStyle;
      if (s.timeStyle) o.timeStyle = s.timeStyle;
      return o;
    }
    for (const k of ['weekday', 'era', 'year', 'month', 'day', 'dayPeriod', 'hour', 'minute', 'second', 'fractionalSecondDigits', 'timeZoneName']) {
      if (s.f[k] !== undefined) o[k] = s.f[k];
    }
    return o;
  },
}, { supportedLocalesOf: supportedLocalesOf('date') });

Object.defineProperty(DateTimeFormat.prototype, 'format', {
  configurable: true,
  get() {
    const s = slot(this, DateTimeFormat, 'get Intl.DateTimeFormat.prototype.format');
    let f = boundDateFormats.get(this);
    if (!f) {
      f = (date) => partsString(dateParts(s, date)).replace(/\u202f/g, ' ');
      boundDateFormats.set(this, f);
    }
    return f;
  },
});
