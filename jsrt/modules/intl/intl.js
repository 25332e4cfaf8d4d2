'use strict';
// Intl for ebbnode: ECMA-402's constructors over the locale data that
// intl.go gives (internal). Output follows node 20 (ICU) for en-US; see
// the package doc for what other locales get.

const h = internal;
const DEFAULT_LOCALE = 'en-US';

// ---- locales and options ------------------------------------------------

function canonicalizeLocaleList(locales) {
  if (locales === undefined) return [];
  const list = typeof locales === 'string' || locales instanceof Locale ? [locales] : Object(locales);
  const out = [];
  const len = list.length >>> 0;
  for (let i = 0; i < len; i++) {
    if (!(i in list)) continue;
    const v = list[i];
    if (typeof v !== 'string' && (typeof v !== 'object' || v === null)) {
      throw new TypeError('Language ID should be string or object.');
    }
    const tag = v instanceof Locale ? v.toString() : String(v);
    const c = h.canonicalize(tag);
    if (c === null) throw localeError(tag);
    if (!out.includes(c)) out.push(c);
  }
  return out;
}

// localeError is V8's error for a tag ICU rejects: one that stops after a
// '-' or a singleton gets its own message.
function localeError(tag) {
  if (/^[a-z0-9]{2,8}(-[a-z0-9]+)*(-[a-z0-9]?)$/i.test(tag)) return new RangeError(`Invalid language tag: ${tag.toLowerCase()}`);
  return new RangeError('Incorrect locale information provided');
}

// lookup is a locale without its -u- extension, as data is looked up by.
function lookup(tag) {
  const i = tag.indexOf('-u-');
  return i < 0 ? tag : tag.slice(0, i);
}

// resolveLocale picks the first requested locale with data of kind
// ('number' or 'en'), else the default.
function resolveLocale(locales, kind) {
  for (const l of canonicalizeLocaleList(locales)) {
    const base = lookup(l);
    if (h.supported(base, kind)) return base;
  }
  return DEFAULT_LOCALE;
}

function supportedLocalesOf(kind) {
  return function supportedLocalesOf(locales, options) {
    if (options !== undefined) getOption(Object(options), 'localeMatcher', ['lookup', 'best fit'], 'best fit', 'supportedLocalesOf');
    return canonicalizeLocaleList(locales).filter((l) => h.supported(lookup(l), kind));
  };
}

// V8's messages for null options differ per constructor.
const NULL_OPTIONS = {
  NumberFormat: 'Intl.NumberFormat called on null or undefined', PluralRules: 'Intl.PluralRules called on null or undefined',
  Collator: 'Intl.Collator called on null or undefined', RelativeTimeFormat: 'Intl.RelativeTimeFormat called on null or undefined',
  ListFormat: 'invalid_argument', Segmenter: 'invalid_argument',
};

function toOptions(options, ctor) {
  if (options === undefined) return Object.create(null);
  if (options === null) throw new TypeError(NULL_OPTIONS[ctor] || 'Cannot convert undefined or null to object');
  return Object(options);
}

function getOption(options, prop, values, fallback, ctor) {
  let v = options[prop];
  if (v === undefined) return fallback;
  if (values === 'boolean') return Boolean(v);
  v = String(v);
  if (values && !values.includes(v)) {
    throw new RangeError(`Value ${v} out of range for Intl.${ctor} options property ${prop}`);
  }
  return v;
}

function defaultNumberOption(v, min, max, fallback, prop) {
  if (v === undefined) return fallback;
  v = Number(v);
  if (Number.isNaN(v) || v < min || v > max) throw new RangeError(`${prop} value is out of range.`);
  return Math.floor(v);
}

function getNumberOption(options, prop, min, max, fallback) {
  return defaultNumberOption(options[prop], min, max, fallback, prop);
}

// define gives a class its methods as the built-ins have them:
// non-enumerable, with toStringTag.
function define(cls, tag, methods, statics) {
  for (const [k, v] of Object.entries(methods)) {
    Object.defineProperty(cls.prototype, k, { value: v, writable: true, configurable: true, enumerable: false });
  }
  Object.defineProperty(cls.prototype, Symbol.toStringTag, { value: tag, configurable: true });
  for (const [k, v] of Object.entries(statics || {})) {
    Object.defineProperty(cls, k, { value: v, writable: true, configurable: true, enumerable: false });
  }
}

// slots holds each object's internal state, out of the scripts' reach.
const slots = new WeakMap();
function slot(obj, cls, method) {
  const s = slots.get(obj);
  if (!s || s.cls !== cls) {
    throw new TypeError(`Method ${method} called on incompatible receiver ${typeof obj === 'string' ? obj : Object.prototype.toString.call(obj)}`);
  }
  return s;
}

function requireNew(target, name) {
  if (target === undefined) throw new TypeError(`Constructor Intl.${name} requires 'new'`);
}

// ---- NumberFormat -------------------------------------------------------

// Unit patterns (en), per unit: short one|other, long one|other, narrow
// one|other. x/text has no unit data.
const UNITS = {
  "percent": "{0}%|{0}%|{0} percent|{0} percent|{0}%|{0}%",
  "byte": "{0} byte|{0} byte|{0} byte|{0} bytes|{0}B|{0}B",
  "kilobyte": "{0} kB|{0} kB|{0} kilobyte|{0} kilobytes|{0}kB|{0}kB",
  "megabyte": "{0} MB|{0} MB|{0} megabyte|{0} megabytes|{0}MB|{0}MB",
  "gigabyte": "{0} GB|{0} GB|{0} gigabyte|{0} gigabytes|{0}GB|{0}GB",
  "terabyte": "{0} TB|{0} TB|{0} terabyte|{0} terabytes|{0}TB|{0}TB",
  "bit": "{0} bit|{0} bit|{0} bit|{0} bits|{0}bit|{0}bit",
  "kilobit": "{0} kb|{0} kb|{0} kilobit|{0} kilobits|{0}kb|{0}kb",
  "megabit": "{0} Mb|{0} Mb|{0} megabit|{0} megabits|{0}Mb|{0}Mb",
  "millisecond": "{0} ms|{0} ms|{0} millisecond|{0} milliseconds|{0}ms|{0}ms",
  "second": "{0} sec|{0} sec|{0} second|{0} seconds|{0}s|{0}s",
  "minute": "{0} min|{0} min|{0} minute|{0} minutes|{0}m|{0}m",
  "hour": "{0} hr|{0} hr|{0} hour|{0} hours|{0}h|{0}h",
  "day": "{0} day|{0} days|{0} day|{0} days|{0}d|{0}d",
  "week": "{0} wk|{0} wks|{0} week|{0} weeks|{0}w|{0}w",
  "month": "{0} mth|{0} mths|{0} month|{0} months|{0}m|{0}m",
  "year": "{0} yr|{0} yrs|{0} year|{0} years|{0}y|{0}y",
  "meter": "{0} m|{0} m|{0} meter|{0} meters|{0}m|{0}m",
  "kilometer": "{0} km|{0} km|{0} kilometer|{0} kilometers|{0}km|{0}km",
  "centimeter": "{0} cm|{0} cm|{0} centimeter|{0} centimeters|{0}cm|{0}cm",
  "millimeter": "{0} mm|{0} mm|{0} millimeter|{0} millimeters|{0}mm|{0}mm",
  "mile": "{0} mi|{0} mi|{0} mile|{0} miles|{0}mi|{0}mi",
  "foot": "{0} ft|{0} ft|{0} foot|{0} feet|{0}′|{0}′",
  "inch": "{0} in|{0} in|{0} inch|{0} inches|{0}″|{0}″",
  "kilogram": "{0} kg|{0} kg|{0} kilogram|{0} kilograms|{0}kg|{0}kg",
  "gram": "{0} g|{0} g|{0} gram|{0} grams|{0}g|{0}g",
  "pound": "{0} lb|{0} lb|{0} pound|{0} pounds|{0}#|{0}#",
  "ounce": "{0} oz|{0} oz|{0} ounce|{0} ounces|{0}oz|{0}oz",
  "liter": "{0} L|{0} L|{0} liter|{0} liters|{0}L|{0}L",
  "milliliter": "{0} mL|{0} mL|{0} milliliter|{0} milliliters|{0}mL|{0}mL",
  "celsius": "{0}°C|{0}°C|{0} degree Celsius|{0} degrees Celsius|{0}°C|{0}°C",
  "fahrenheit": "{0}°F|{0}°F|{0} degree Fahrenheit|{0} degrees Fahrenheit|{0}°|{0}°",
  "degree": "{0} deg|{0} deg|{0} degree|{0} degrees|{0}°|{0}°",
  "kilometer-per-hour": "{0} km/h|{0} km/h|{0} kilometer per hour|{0} kilometers per hour|{0}km/h|{0}km/h",
  "mile-per-hour": "{0} mph|{0} mph|{0} mile per hour|{0} miles per hour|{0}mph|{0}mph",
  "meter-per-second": "{0} m/s|{0} m/s|{0} meter per second|{0} meters per second|{0}m/s|{0}m/s",
};

// Currency names (en) for currencyDisplay 'name': singular|plural.
const CURRENCY_NAMES = {
  USD: 'US dollar|US dollars', EUR: 'euro|euros', GBP: 'British pound|British pounds',
  JPY: 'Japanese yen|Japanese yen', CAD: 'Canadian dollar|Canadian dollars',
  AUD: 'Australian dollar|Australian dollars', CHF: 'Swiss franc|Swiss francs',
  CNY: 'Chinese yuan|Chinese yuan', INR: 'Indian rupee|Indian rupees',
};

// Compact suffixes (en) for 10**3, 10**6, 10**9, 10**12.
const COMPACT = { short: ['K', 'M', 'B', 'T'], long: [' thousand', ' million', ' billion', ' trillion'] };

function NumberFormat(locales, options) {
  if (!new.target) return new NumberFormat(locales, options);
  const locale = resolveLocale(locales, 'number');
  options = toOptions(options, 'NumberFormat');
  const C = 'NumberFormat';
  getOption(options, 'localeMatcher', ['lookup', 'best fit'], 'best fit', C);
  getOption(options, 'numberingSystem', undefined, undefined, C);
  const s = { cls: NumberFormat, locale };
  s.style = getOption(options, 'style', ['decimal', 'percent', 'currency', 'unit'], 'decimal', C);
  let currency = getOption(options, 'currency', undefined, undefined, C);
  if (currency !== undefined) {
    if (!/^[A-Za-z]{3}$/.test(currency)) throw new RangeError(`Invalid currency code : ${currency}`);
    currency = currency.toUpperCase();
  }
  const currencyDisplay = getOption(options, 'currencyDisplay', ['code', 'symbol', 'narrowSymbol', 'name'], 'symbol', C);
  const currencySign = getOption(options, 'currencySign', ['standard', 'accounting'], 'standard', C);
  const unit = getOption(options, 'unit', undefined, undefined, C);
  const unitDisplay = getOption(options, 'unitDisplay', ['short', 'narrow', 'long'], 'short', C);
  if (s.style === 'currency') {
    if (currency === undefined) throw new TypeError('Currency code is required with currency style.');
    Object.assign(s, { currency, currencyDisplay, currencySign });
    [s.symbol, s.placement, s.accountingParens, s.currencyDigits] =
      h.currency(locale, currency, currencyDisplay === 'name' ? 'code' : currencyDisplay);
  }
  if (s.style === 'unit') {
    if (unit === undefined) throw new TypeError('Unit is required with unit style.');
    if (!UNITS[unit]) throw new RangeError(`Invalid unit argument for Intl.NumberFormat() '${unit}'`);
    Object.assign(s, { unit, unitDisplay });
  }
  s.notation = getOption(options, 'notation', ['standard', 'scientific', 'engineering', 'compact'], 'standard', C);
  // V8 in node 20 uses the currency's digits in every notation (the
  // current spec only in standard).
  const cDigits = s.style === 'currency' ? s.currencyDigits : 0;
  const mxfdDefault = s.style === 'currency' ? cDigits : s.style === 'percent' ? 0 : 3;
  setDigitOptions(s, options, cDigits, mxfdDefault, s.notation);
  s.compactDisplay = getOption(options, 'compactDisplay', ['short', 'long'], 'short', C);
  const grouping = options.useGrouping;
  const defaultGrouping = s.notation === 'compact' ? 'min2' : 'auto';
  if (grouping === undefined) s.useGrouping = defaultGrouping;
  else if (grouping === true) s.useGrouping = 'always';
  else if (!grouping) s.useGrouping = false;
  else {
    s.useGrouping = String(grouping);
    if (s.useGrouping === 'true' || s.useGrouping === 'false') s.useGrouping = defaultGrouping;
    else if (!['min2', 'auto', 'always'].includes(s.useGrouping)) {
      throw new RangeError(`Value ${s.useGrouping} out of range for Intl.NumberFormat options property useGrouping`);
    }
  }
  s.signDisplay = getOption(options, 'signDisplay', ['auto', 'never', 'always', 'exceptZero', 'negative'], 'auto', C);
  s.sym = h.numberSymbols(locale);
  slots.set(this, s);
}

// setDigitOptions is ECMA-402's SetNumberFormatDigitOptions.
function setDigitOptions(s, options, mnfdDefault, mxfdDefault, notation) {
  const C = 'NumberFormat';
  s.minimumIntegerDigits = getNumberOption(options, 'minimumIntegerDigits', 1, 21, 1);
  let mnfd = options.minimumFractionDigits;
  let mxfd = options.maximumFractionDigits;
  let mnsd = options.minimumSignificantDigits;
  let mxsd = options.maximumSignificantDigits;
  s.roundingIncrement = getNumberOption(options, 'roundingIncrement', 1, 5000, 1);
  s.roundingMode = getOption(options, 'roundingMode', ['ceil', 'floor', 'expand', 'trunc', 'halfCeil', 'halfFloor', 'halfExpand', 'halfTrunc', 'halfEven'], 'halfExpand', C);
  s.roundingPriority = getOption(options, 'roundingPriority', ['auto', 'morePrecision', 'lessPrecision'], 'auto', C);
  s.trailingZeroDisplay = getOption(options, 'trailingZeroDisplay', ['auto', 'stripIfInteger'], 'auto', C);
  const hasSd = mnsd !== undefined || mxsd !== undefined;
  const hasFd = mnfd !== undefined || mxfd !== undefined;
  let needSd = true;
  let needFd = true;
  if (s.roundingPriority === 'auto') {
    needSd = hasSd;
    if (needSd || (!hasFd && notation === 'compact')) needFd = false;
  }
  if (needSd) {
    if (hasSd) {
      mnsd = defaultNumberOption(mnsd, 1, 21, 1, 'minimumSignificantDigits');
      mxsd = defaultNumberOption(mxsd, mnsd, 21, 21, 'maximumSignificantDigits');
    } else {
      mnsd = 1;
      mxsd = 21;
    }
    s.minimumSignificantDigits = mnsd;
    s.maximumSignificantDigits = mxsd;
  }
  if (needFd) {
    if (hasFd) {
      mnfd = defaultNumberOption(mnfd, 0, 100, undefined, 'minimumFractionDigits');
      mxfd = defaultNumberOption(mxfd, 0, 100, undefined, 'maximumFractionDigits');
      if (mnfd === undefined) mnfd = Math.min(mnfdDefault, mxfd);
      else if (mxfd === undefined) mxfd = Math.max(mxfdDefault, mnfd);
      else if (mnfd > mxfd) throw new RangeError('maximumFractionDigits value is out of range.');
    } else {
      mnfd = mnfdDefault;
      mxfd = Math.max(mxfdDefault, mnfd);
    }
    s.minimumFractionDigits = mnfd;
    s.maximumFractionDigits = mxfd;
  }
  if (!needSd && !needFd) {
    Object.assign(s, { minimumFractionDigits: 0, maximumFractionDigits: 0, minimumSignificantDigits: 1, maximumSignificantDigits: 2 });
    s.roundingType = 'more';
    s.roundingPriority = 'morePrecision';
  } else if (s.roundingPriority === 'auto') {
    s.roundingType = hasSd ? 'sig' : 'frac';
  } else {
    s.roundingType = s.roundingPriority === 'morePrecision' ? 'more' : 'less';
  }
}

// digitOptions copies the resolved digit options into o in V8's order:
// significant digits first when both kinds apply.
function digitOptions(s, o) {
  const frac = ['minimumFractionDigits', 'maximumFractionDigits'];
  const sig = ['minimumSignificantDigits', 'maximumSignificantDigits'];
  for (const k of s.roundingType === 'more' || s.roundingType === 'less' ? sig.concat(frac) : frac.concat(sig)) {
    if (s[k] !== undefined) o[k] = s[k];
  }
}

// roundNumber rounds |x| × 10**shift as s says: [integer, fraction,
// magnitude]; negative matters to the ceil and floor rounding modes.
function roundNumber(s, x, shift, negative) {
  return h.roundDecimal(x, shift, s.minimumIntegerDigits,
    s.minimumFractionDigits || 0, s.maximumFractionDigits === undefined ? 0 : s.maximumFractionDigits,
    s.minimumSignificantDigits || 1, s.maximumSignificantDigits || 21, s.roundingType, s.roundingMode, !!negative);
}

function localDigits(sym, str) {
  if (sym.digits === '0123456789') return str;
  return str.replace(/[0-9]/g, (d) => sym.digits[d]);
}

// groupParts splits integer digits into integer and group parts.
function groupParts(s, ip, parts) {
  const sym = s.sym;
  let minGrouping = sym.minGrouping;
  if (s.useGrouping === 'always') minGrouping = 1;
  if (s.useGrouping === 'min2') minGrouping = Math.max(2, minGrouping);
  if (s.useGrouping === false || ip.length < sym.primary + minGrouping) {
    parts.push({ type: 'integer', value: localDigits(sym, ip) });
    return;
  }
  const groups = [ip.slice(-sym.primary)];
  let rest = ip.slice(0, -sym.primary);
  while (rest.length > sym.secondary) {
    groups.unshift(rest.slice(-sym.secondary));
    rest = rest.slice(0, -sym.secondary);
  }
  if (rest) groups.unshift(rest);
  groups.forEach((g, i) => {
    if (i > 0) parts.push({ type: 'group', value: sym.group });
    parts.push({ type: 'integer', value: localDigits(sym, g) });
  });
}

// toIntlMathValue is ToIntlMathematicalValue: BigInts stay BigInts,
// decimal strings stay strings (exact, as ICU formats them), everything
// else becomes a Number.
function toIntlMathValue(x) {
  if (typeof x === 'bigint') return x;
  if (typeof x === 'string') {
    const t = x.trim();
    if (/^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)(e[+-]?[0-9]+)?$/i.test(t)) return t;
  }
  return Number(x);
}

// numberParts is PartitionNumberPattern. It returns the parts and the
// plural operands (integer and fraction digits) of the number shown.
function numberParts(s, x) {
  const sym = s.sym;
  // BigInts and decimal strings go to Go as decimal strings.
  const str = typeof x === 'string';
  const big = typeof x === 'bigint' || str;
  const negative = str ? x[0] === '-' : big ? x < 0n : x < 0 || Object.is(x, -0);
  const abs = str ? x.replace(/^[+-]/, '') : big ? (negative ? -x : x) : Math.abs(x);
  const body = [];
  let ip = '';
  let fp = '';
  let isZero = false;
  if (!big && Number.isNaN(x)) {
    body.push({ type: 'nan', value: 'NaN' });
  } else if (!big && !Number.isFinite(x)) {
    body.push({ type: 'infinity', value: '∞' });
  } else {
    const arg = big ? String(abs) : abs;
    let shift = s.style === 'percent' ? 2 : 0;
    let exponent = 0;
    let compactIndex = -1;
    let mag = h.magnitude(arg) + shift;
    let r;
    for (let attempt = 0; attempt < 2; attempt++) {
      if (s.notation === 'compact') {
        compactIndex = Math.min(Math.floor(mag / 3), 4) - 1;
        exponent = compactIndex < 0 ? 0 : (compactIndex + 1) * 3;
      } else if (s.notation === 'scientific') {
        exponent = mag;
      } else if (s.notation === 'engineering') {
        exponent = Math.floor(mag / 3) * 3;
      }
      r = roundNumber(s, arg, shift - exponent, negative);
      // Rounding up may carry into the next unit (999.9K is 1M).
      if (s.notation === 'standard' || r[0] === '0' || r[2] + exponent === mag) break;
      mag = r[2] + exponent;
    }
    [ip, fp] = r;
    if (s.trailingZeroDisplay === 'stripIfInteger' && /^0*$/.test(fp)) fp = '';
    isZero = /^0*$/.test(ip + fp);
    groupParts(s, ip, body);
    if (fp) {
      body.push({ type: 'decimal', value: sym.decimal });
      body.push({ type: 'fraction', value: localDigits(sym, fp) });
    }
    if (s.notation === 'compact' && compactIndex >= 0) {
      // ICU has no long compact patterns for currencies.
      const suffix = COMPACT[s.style === 'currency' ? 'short' : s.compactDisplay][compactIndex];
      if (suffix.startsWith(' ')) body.push({ type: 'literal', value: ' ' });
      body.push({ type: 'compact', value: suffix.trim() });
    } else if (s.notation === 'scientific' || s.notation === 'engineering') {
      body.push({ type: 'exponentSeparator', value: sym.exponent });
      if (exponent < 0) signParts(body, 'exponentMinusSign', sym.minus);
      body.push({ type: 'exponentInteger', value: localDigits(sym, String(Math.abs(exponent))) });
    }
  }
  let sign = '';
  switch (s.signDisplay) {
    case 'auto': sign = negative ? '-' : ''; break;
    case 'always': sign = negative ? '-' : '+'; break;
    case 'exceptZero': sign = isZero ? '' : negative ? '-' : '+'; break;
    case 'negative': sign = negative && !isZero ? '-' : ''; break;
  }
  const accounting = s.style === 'currency' && s.currencySign === 'accounting' && sign === '-' && s.accountingParens;
  const parts = [];
  if (accounting) parts.push({ type: 'literal', value: '(' });
  else if (sign === '-') signParts(parts, 'minusSign', sym.minus);
  else if (sign === '+') signParts(parts, 'plusSign', sym.minus.replace(/[-−]/, '+'));
  const operands = [ip || '0', fp];
  if (s.style === 'percent') {
    if (sym.percentPrefix) parts.push({ type: 'percentSign', value: sym.percentPrefix });
    parts.push(...body);
    const m = /^([\s\u00a0\u202f]*)(.*)$/.exec(sym.percentSuffix);
    if (m[1]) parts.push({ type: 'literal', value: m[1] });
    if (m[2]) parts.push({ type: 'percentSign', value: m[2] });
  } else if (s.style === 'currency') {
    currencyParts(s, body, parts, operands);
  } else if (s.style === 'unit') {
    const pats = UNITS[s.unit].split('|');
    const idx = ({ short: 0, long: 2, narrow: 4 })[s.unitDisplay] + (h.pluralCategory('en', false, operands[0], operands[1]) === 'one' ? 0 : 1);
    const [pre, post] = pats[idx].split('{0}');
    if (pre) parts.push({ type: 'unit', value: pre });
    parts.push(...body);
    if (post) {
      const m = /^(\s*)(.*)$/.exec(post);
      if (m[1]) parts.push({ type: 'literal', value: m[1] });
      parts.push({ type: 'unit', value: m[2] });
    }
  } else {
    parts.push(...body);
  }
  if (accounting) parts.push({ type: 'literal', value: ')' });
  return { parts, operands };
}

// signParts adds a sign, its bidi marks (he, ar) as a literal part.
function signParts(parts, type, value) {
  const m = /^([\u200e\u200f\u061c]*)(.*)$/.exec(value);
  if (m[1]) parts.push({ type: 'literal', value: m[1] });
  parts.push({ type, value: m[2] });
}

function currencyParts(s, body, parts, operands) {
  if (s.currencyDisplay === 'name') {
    const names = (CURRENCY_NAMES[s.currency] || `${s.currency}|${s.currency}`).split('|');
    const one = h.pluralCategory(s.locale, false, operands[0], operands[1]) === 'one';
    parts.push(...body, { type: 'literal', value: ' ' }, { type: 'currency', value: names[one ? 0 : 1] });
    return;
  }
  if (s.placement === 'after') {
    parts.push(...body, { type: 'literal', value: '\u00a0' }, { type: 'currency', value: s.symbol });
    return;
  }
  parts.push({ type: 'currency', value: s.symbol });
  // ICU spaces a symbol that ends in a letter from the digits.
  if (s.placement === 'spaced' || /[A-Za-z]$/.test(s.symbol)) parts.push({ type: 'literal', value: '\u00a0' });
  parts.push(...body);
}

function partsString(parts) {
  let out = '';
  for (const p of parts) out += p.value;
  return out;
}

function formatNumber(s, x) {
  return partsString(numberParts(s, toIntlMathValue(x)).parts);
}

const boundFormats = new WeakMap();

define(NumberFormat, 'Intl.NumberFormat', {
  formatToParts(x) {
    return numberParts(slot(this, NumberFormat, 'Intl.NumberFormat.prototype.formatToParts'), toIntlMathValue(x)).parts;
  },
  resolvedOptions() {
    const s = slot(this, NumberFormat, 'Intl.NumberFormat.prototype.resolvedOptions');
    const o = { locale: s.locale, numberingSystem: 'latn', style: s.style };
    if (s.style === 'currency') Object.assign(o, { currency: s.currency, currencyDisplay: s.currencyDisplay, currencySign: s.currencySign });
    if (s.style === 'unit') Object.assign(o, { unit: s.unit, unitDisplay: s.unitDisplay });
    o.minimumIntegerDigits = s.minimumIntegerDigits;
    digitOptions(s, o);
    o.useGrouping = s.useGrouping;
    o.notation = s.notation;
    if (s.notation === 'compact') o.compactDisplay = s.compactDisplay;
    Object.assign(o, {
      signDisplay: s.signDisplay, roundingMode: s.roundingMode, roundingIncrement: s.roundingIncrement,
      trailingZeroDisplay: s.trailingZeroDisplay, roundingPriority: s.roundingPriority,
    });
    return o;
  },
}, { supportedLocalesOf: supportedLocalesOf('number') });

Object.defineProperty(NumberFormat.prototype, 'format', {
  configurable: true,
  get() {
    const s = slot(this, NumberFormat, 'get Intl.NumberFormat.prototype.format');
    let f = boundFormats.get(this);
    if (!f) {
      f = (x) => formatNumber(s, x);
      boundFormats.set(this, f);
    }
    return f;
  },
});

// ---- PluralRules --------------------------------------------------------

function PluralRules(locales, options) {
  requireNew(new.target, 'PluralRules');
  const locale = h.pluralLocale(resolveLocale(locales, 'number'));
  options = toOptions(options, 'PluralRules');
  getOption(options, 'localeMatcher', ['lookup', 'best fit'], 'best fit', 'PluralRules');
  const s = { cls: PluralRules, locale };
  s.type = getOption(options, 'type', ['cardinal', 'ordinal'], 'cardinal', 'PluralRules');
  setDigitOptions(s, options, 0, 3, 'standard');
  s.roundingMode = 'halfExpand'; // V8 in node 20 ignores it here
  slots.set(this, s);
}

define(PluralRules, 'Intl.PluralRules', {
  select(n) {
    const s = slot(this, PluralRules, 'Intl.PluralRules.prototype.select');
    n = Number(n);
    if (!Number.isFinite(n)) return 'other';
    const [ip, fp] = roundNumber(s, Math.abs(n), 0, n < 0);
    return h.pluralCategory(s.locale, s.type === 'ordinal', ip, fp);
  },
  resolvedOptions() {
    const s = slot(this, PluralRules, 'Intl.PluralRules.prototype.resolvedOptions');
    const o = { locale: s.locale, type: s.type, minimumIntegerDigits: s.minimumIntegerDigits };
    digitOptions(s, o);
    o.pluralCategories = h.pluralCategories(s.locale, s.type === 'ordinal');
    return o;
  },
}, { supportedLocalesOf: supportedLocalesOf('number') });

// ---- Collator -----------------------------------------------------------

function Collator(locales, options) {
  if (!new.target) return new Collator(locales, options);
  const requested = canonicalizeLocaleList(locales);
  const locale = h.collationLocale(resolveLocale(requested, 'number'));
  options = toOptions(options, 'Collator');
  const C = 'Collator';
  const s = { cls: Collator, locale };
  s.usage = getOption(options, 'usage', ['sort', 'search'], 'sort', C);
  getOption(options, 'localeMatcher', ['lookup', 'best fit'], 'best fit', C);
  getOption(options, 'collation', undefined, undefined, C);
  const ext = /-u-(?:.*-)?kn(?:-(true|false))?(?:-|$)/.exec(requested[0] || '');
  s.numeric = getOption(options, 'numeric', 'boolean', ext ? ext[1] !== 'false' : false, C);
  s.caseFirst = getOption(options, 'caseFirst', ['upper', 'lower', 'false'], 'false', C);
  s.sensitivity = getOption(options, 'sensitivity', ['base', 'accent', 'case', 'variant'], 'variant', C);
  s.ignorePunctuation = getOption(options, 'ignorePunctuation', 'boolean', false, C);
  if (s.numeric && ext) s.locale = `${locale}-u-kn`;
  s.cmp = h.newCollator(locale, s.sensitivity, s.numeric, s.ignorePunctuation);
  slots.set(this, s);
}

const boundCompares = new WeakMap();

define(Collator, 'Intl.Collator', {
  resolvedOptions() {
    const s = slot(this, Collator, 'Intl.Collator.prototype.resolvedOptions');
    return {
      locale: s.locale, usage: s.usage, sensitivity: s.sensitivity, ignorePunctuation: s.ignorePunctuation,
      collation: 'default', numeric: s.numeric, caseFirst: s.caseFirst,
    };
  },
}, { supportedLocalesOf: supportedLocalesOf('number') });

Object.defineProperty(Collator.prototype, 'compare', {
  configurable: true,
  get() {
    const s = slot(this, Collator, 'get Intl.Collator.prototype.compare');
    let f = boundCompares.get(this);
    if (!f) {
      f = (a, b) => s.cmp(String(a), String(b));
      boundCompares.set(this, f);
    }
    return f;
  },
});

// ---- ListFormat ---------------------------------------------------------

// en patterns per type and style: [pair, middle, end] separators.
const LIST_PATTERNS = {
  conjunction: { long: [' and ', ', ', ', and '], short: [' & ', ', ', ', & '], narrow: [', ', ', ', ', '] },
  disjunction: { long: [' or ', ', ', ', or '], short: [' or ', ', ', ', or '], narrow: [' or ', ', ', ', or '] },
  unit: { long: [', ', ', ', ', '], short: [', ', ', ', ', '], narrow: [' ', ' ', ' '] },
};

function ListFormat(locales, options) {
  requireNew(new.target, 'ListFormat');
  const locale = resolveLocale(locales, 'en');
  options = toOptions(options, 'ListFormat');
  const C = 'ListFormat';
  getOption(options, 'localeMatcher', ['lookup', 'best fit'], 'best fit', C);
  const type = getOption(options, 'type', ['conjunction', 'disjunction', 'unit'], 'conjunction', C);
  const style = getOption(options, 'style', ['long', 'short', 'narrow'], 'long', C);
  slots.set(this, { cls: ListFormat, locale, type, style });
}

function listParts(s, list) {
  if (list === undefined) list = [];
  const items = [];
  for (const v of list) {
    if (typeof v !== 'string') throw new TypeError(`Iterable yielded ${typeof v === 'number' ? v : typeof v} which is not a string`);
    items.push(v);
  }
  const [pair, middle, end] = LIST_PATTERNS[s.type][s.style];
  const parts = [];
  items.forEach((v, i) => {
    if (i > 0) {
      const sep = items.length === 2 ? pair : i === items.length - 1 ? end : middle;
      parts.push({ type: 'literal', value: sep });
    }
    parts.push({ type: 'element', value: v });
  });
  return parts;
}

define(ListFormat, 'Intl.ListFormat', {
  format(list) { return partsString(listParts(slot(this, ListFormat, 'Intl.ListFormat.prototype.format'), list)); },
  formatToParts(list) { return listParts(slot(this, ListFormat, 'Intl.ListFormat.prototype.formatToParts'), list); },
  resolvedOptions() {
    const s = slot(this, ListFormat, 'Intl.ListFormat.prototype.resolvedOptions');
    return { locale: s.locale, type: s.type, style: s.style };
  },
}, { supportedLocalesOf: supportedLocalesOf('en') });

// ---- RelativeTimeFormat -------------------------------------------------

// en unit names per style: singular|plural; narrow has its own patterns.
const REL_UNITS = {
  long: { second: 'second|seconds', minute: 'minute|minutes', hour: 'hour|hours', day: 'day|days', week: 'week|weeks', month: 'month|months', quarter: 'quarter|quarters', year: 'year|years' },
  short: { second: 'sec.|sec.', minute: 'min.|min.', hour: 'hr.|hr.', day: 'day|days', week: 'wk.|wk.', month: 'mo.|mo.', quarter: 'qtr.|qtrs.', year: 'yr.|yr.' },
  narrow: { second: 's|s', minute: 'm|m', hour: 'h|h', day: 'd|d', week: 'w|w', month: 'mo|mo', quarter: 'q|q', year: 'y|y' },
};
// numeric: 'auto' phrases for -1, 0, 1 (en); the same for every style
// except the abbreviations of week, month, quarter and year.
const REL_AUTO = {
  second: [null, 'now', null], minute: [null, 'this minute', null], hour: [null, 'this hour', null],
  day: ['yesterday', 'today', 'tomorrow'], week: ['last week', 'this week', 'next week'],
  month: ['last month', 'this month', 'next month'], quarter: ['last quarter', 'this quarter', 'next quarter'],
  year: ['last year', 'this year', 'next year'],
};
const REL_SHORT = { week: 'wk.', month: 'mo.', quarter: 'qtr.', year: 'yr.' };

function RelativeTimeFormat(locales, options) {
  requireNew(new.target, 'RelativeTimeFormat');
  const locale = resolveLocale(locales, 'en');
  options = toOptions(options, 'RelativeTimeFormat');
  const C = 'RelativeTimeFormat';
  getOption(options, 'localeMatcher', ['lookup', 'best fit'], 'best fit', C);
  getOption(options, 'numberingSystem', undefined, undefined, C);
  const style = getOption(options, 'style', ['long', 'short', 'narrow'], 'long', C);
  const numeric = getOption(options, 'numeric', ['always', 'auto'], 'always', C);
  const nf = new NumberFormat(locale);
  slots.set(this, { cls: RelativeTimeFormat, locale, style, numeric, nf: slots.get(nf) });
}

function relParts(s, value, unit, method) {
  value = Number(value);
  if (!Number.isFinite(value)) throw new RangeError(`Value need to be finite number for Intl.RelativeTimeFormat.prototype.${method}()`);
  unit = String(unit);
  const u = unit.endsWith('s') ? unit.slice(0, -1) : unit;
  if (!REL_AUTO[u]) throw new RangeError(`Invalid unit argument for Intl.RelativeTimeFormat.prototype.${method}() '${unit}'`);
  if (s.numeric === 'auto' && Number.isInteger(value) && value >= -1 && value <= 1) {
    let phrase = REL_AUTO[u][value + 1];
    if (phrase && s.style !== 'long' && REL_SHORT[u]) phrase = phrase.replace(/ \w+$/, ` ${REL_SHORT[u]}`);
    if (phrase) return [{ type: 'literal', value: phrase }];
  }
  const past = value < 0 || Object.is(value, -0);
  const { parts, operands } = numberParts(s.nf, Math.abs(value));
  const one = h.pluralCategory('en', false, operands[0], operands[1]) === 'one';
  const name = REL_UNITS[s.style][u].split('|')[one ? 0 : 1];
  const sep = s.style === 'narrow' ? '' : ' ';
  const out = [];
  if (!past) out.push({ type: 'literal', value: 'in ' });
  for (const p of parts) out.push({ type: p.type, value: p.value, unit: u });
  out.push({ type: 'literal', value: past ? `${sep}${name} ago` : `${sep}${name}` });
  return out;
}

define(RelativeTimeFormat, 'Intl.RelativeTimeFormat', {
  format(value, unit) { return partsString(relParts(slot(this, RelativeTimeFormat, 'Intl.RelativeTimeFormat.prototype.format'), value, unit, 'format')); },
  formatToParts(value, unit) { return relParts(slot(this, RelativeTimeFormat, 'Intl.RelativeTimeFormat.prototype.formatToParts'), value, unit, 'formatToParts'); },
  resolvedOptions() {
    const s = slot(this, RelativeTimeFormat, 'Intl.RelativeTimeFormat.prototype.resolvedOptions');
    return { locale: s.locale, style: s.style, numeric: s.numeric, numberingSystem: 'latn' };
  },
}, { supportedLocalesOf: supportedLocalesOf('en') });

// ---- Segmenter ----------------------------------------------------------

function Segmenter(locales, options) {
  requireNew(new.target, 'Segmenter');
  const locale = resolveLocale(locales, 'number');
  options = toOptions(options, 'Segmenter');
  getOption(options, 'localeMatcher', ['lookup', 'best fit'], 'best fit', 'Segmenter');
  const granularity = getOption(options, 'granularity', ['grapheme', 'word', 'sentence'], 'grapheme', 'Segmenter');
  slots.set(this, { cls: Segmenter, locale, granularity });
}

// Segments is %Segments%: what Segmenter.prototype.segment returns.
function Segments() {}

function segmentData(s, i) {
  const b = s.bounds;
  const o = { segment: s.input.slice(b[i], b[i + 1]), index: b[i], input: s.input };
  if (s.granularity === 'word') o.isWordLike = b[i + 2] === 1;
  return o;
}

Segments.prototype = Object.create(Object.prototype);
Object.defineProperty(Segments.prototype, 'containing', {
  writable: true, configurable: true, value: function containing(index) {
    const s = slot(this, Segments, '%Segments.prototype%.containing');
    let n = Number(index);
    n = Number.isNaN(n) ? 0 : Math.trunc(n);
    if (n < 0 || n >= s.input.length) return undefined;
    for (let i = 0; i < s.bounds.length; i += 3) {
      if (n < s.bounds[i + 1]) return segmentData(s, i);
    }
    return undefined;
  },
});
Object.defineProperty(Segments.prototype, Symbol.iterator, {
  writable: true, configurable: true, value: function* segmentIterator() {
    const s = slot(this, Segments, '%Segments.prototype%[@@iterator]');
    for (let i = 0; i < s.bounds.length; i += 3) yield segmentData(s, i);
  },
});

define(Segmenter, 'Intl.Segmenter', {
  segment(input) {
    const s = slot(this, Segmenter, 'Intl.Segmenter.prototype.segment');
    const segs = Object.create(Segments.prototype);
    slots.set(segs, { cls: Segments, granularity: s.granularity, input: String(input), bounds: h.segments(s.granularity, String(input)) });
    return segs;
  },
  resolvedOptions() {
    const s = slot(this, Segmenter, 'Intl.Segmenter.prototype.resolvedOptions');
    return { locale: s.locale, granularity: s.granularity };
  },
}, { supportedLocalesOf: supportedLocalesOf('number') });

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
    fields.forEach(([t, v], i) => { if (i) lit('/'); add(t, v); });
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

// ---- Locale (minimal) ---------------------------------------------------

class Locale {
  constructor(tag) {
    if (typeof tag !== 'string' && !(tag instanceof Locale)) throw new TypeError('First argument to Intl.Locale constructor can\'t be empty or missing');
    const c = h.canonicalize(tag instanceof Locale ? tag.toString() : tag);
    if (c === null) throw localeError(tag);
    slots.set(this, { cls: Locale, tag: c });
  }
  toString() { return slot(this, Locale, 'Intl.Locale.prototype.toString').tag; }
  get baseName() { return lookup(this.toString()); }
  get language() { return this.baseName.split('-')[0]; }
  get region() { return this.baseName.split('-').slice(1).find((p) => /^([A-Z]{2}|[0-9]{3})$/.test(p)); }
  get script() { return this.baseName.split('-').slice(1).find((p) => /^[A-Z][a-z]{3}$/.test(p)); }
}
Object.defineProperty(Locale.prototype, Symbol.toStringTag, { value: 'Intl.Locale', configurable: true });

// ---- the Intl object and the toLocaleString family ----------------------

const Intl = {};
for (const [name, value] of Object.entries({
  getCanonicalLocales(locales) { return canonicalizeLocaleList(locales); },
  supportedValuesOf(key) {
    const values = {
      calendar: ['gregory'], collation: ['default'], numberingSystem: ['latn'],
      unit: Object.keys(UNITS).sort(), currency: Object.keys(CURRENCY_NAMES).sort(),
    }[key];
    if (!values) throw new RangeError(`Invalid key : ${key}`);
    return values.slice();
  },
  Collator, DateTimeFormat, ListFormat, Locale, NumberFormat, PluralRules, RelativeTimeFormat, Segmenter,
})) {
  Object.defineProperty(Intl, name, { value, writable: true, configurable: true, enumerable: false });
}
Object.defineProperty(Intl, Symbol.toStringTag, { value: 'Intl', configurable: true });
for (const c of [Collator, DateTimeFormat, ListFormat, NumberFormat, PluralRules, RelativeTimeFormat, Segmenter]) {
  Object.defineProperty(c, 'name', { value: c.name, configurable: true });
  Object.defineProperty(c, 'length', { value: 0, configurable: true });
}

// The most recent formatter per kind is kept, as V8 caches them: scripts
// that call toLocaleString in a loop with one set of arguments.
const cache = new Map();
function cached(kind, make, locales, options) {
  if (options === undefined && (locales === undefined || typeof locales === 'string')) {
    const key = `${kind}\u0000${locales}`;
    let f = cache.get(key);
    if (!f) {
      f = make();
      if (cache.size > 64) cache.clear();
      cache.set(key, f);
    }
    return f;
  }
  return make();
}

function thisTime(d) {
  if (!(d instanceof Date)) throw new TypeError('this is not a Date object.');
  return Date.prototype.getTime.call(d);
}

const toLocale = {
  number(x, locales, options) {
    return cached('n', () => new NumberFormat(locales, options), locales, options).format(x);
  },
  date(d, locales, options, required, defaults) {
    const t = thisTime(d);
    if (Number.isNaN(t)) return 'Invalid Date';
    const key = `d${required}${defaults}`;
    const dtf = cached(key, () => {
      dtfMode = [required, defaults];
      return new DateTimeFormat(locales, options);
    }, locales, options);
    return dtf.format(t);
  },
  compare(a, b, locales, options) {
    return cached('c', () => new Collator(locales, options), locales, options).compare(a, b);
  },
};

module.exports = { Intl, toLocale };
