// Intl.NumberFormat: part of node:internal/intl, one
// module body with intl.js (which says how).

// ---- NumberFormat -------------------------------------------------------

// Unit patterns (en), per unit: short one|other, long one|other, narrow
// one|other, for ECMA-402's sanctioned units and common -per- pairs.
// x/text has no unit data.
const UNITS = {
  "acre": "{0} ac|{0} ac|{0} acre|{0} acres|{0}ac|{0}ac",
  "bit": "{0} bit|{0} bit|{0} bit|{0} bits|{0}bit|{0}bit",
  "byte": "{0} byte|{0} byte|{0} byte|{0} bytes|{0}B|{0}B",
  "celsius": "{0}°C|{0}°C|{0} degree Celsius|{0} degrees Celsius|{0}°C|{0}°C",
  "centimeter": "{0} cm|{0} cm|{0} centimeter|{0} centimeters|{0}cm|{0}cm",
  "day": "{0} day|{0} days|{0} day|{0} days|{0}d|{0}d",
  "degree": "{0} deg|{0} deg|{0} degree|{0} degrees|{0}°|{0}°",
  "fahrenheit": "{0}°F|{0}°F|{0} degree Fahrenheit|{0} degrees Fahrenheit|{0}°|{0}°",
  "fluid-ounce": "{0} fl oz|{0} fl oz|{0} fluid ounce|{0} fluid ounces|{0}fl oz|{0}fl oz",
  "foot": "{0} ft|{0} ft|{0} foot|{0} feet|{0}′|{0}′",
  "gallon": "{0} gal|{0} gal|{0} gallon|{0} gallons|{0}gal|{0}gal",
  "gigabit": "{0} Gb|{0} Gb|{0} gigabit|{0} gigabits|{0}Gb|{0}Gb",
  "gigabyte": "{0} GB|{0} GB|{0} gigabyte|{0} gigabytes|{0}GB|{0}GB",
  "gram": "{0} g|{0} g|{0} gram|{0} grams|{0}g|{0}g",
  "hectare": "{0} ha|{0} ha|{0} hectare|{0} hectares|{0}ha|{0}ha",
  "hour": "{0} hr|{0} hr|{0} hour|{0} hours|{0}h|{0}h",
  "inch": "{0} in|{0} in|{0} inch|{0} inches|{0}″|{0}″",
  "kilobit": "{0} kb|{0} kb|{0} kilobit|{0} kilobits|{0}kb|{0}kb",
  "kilobyte": "{0} kB|{0} kB|{0} kilobyte|{0} kilobytes|{0}kB|{0}kB",
  "kilogram": "{0} kg|{0} kg|{0} kilogram|{0} kilograms|{0}kg|{0}kg",
  "kilometer": "{0} km|{0} km|{0} kilometer|{0} kilometers|{0}km|{0}km",
  "liter": "{0} L|{0} L|{0} liter|{0} liters|{0}L|{0}L",
  "megabit": "{0} Mb|{0} Mb|{0} megabit|{0} megabits|{0}Mb|{0}Mb",
  "megabyte": "{0} MB|{0} MB|{0} megabyte|{0} megabytes|{0}MB|{0}MB",
  "meter": "{0} m|{0} m|{0} meter|{0} meters|{0}m|{0}m",
  "microsecond": "{0} μs|{0} μs|{0} microsecond|{0} microseconds|{0}μs|{0}μs",
  "mile": "{0} mi|{0} mi|{0} mile|{0} miles|{0}mi|{0}mi",
  "mile-scandinavian": "{0} smi|{0} smi|{0} mile-scandinavian|{0} miles-scandinavian|{0}smi|{0}smi",
  "milliliter": "{0} mL|{0} mL|{0} milliliter|{0} milliliters|{0}mL|{0}mL",
  "millimeter": "{0} mm|{0} mm|{0} millimeter|{0} millimeters|{0}mm|{0}mm",
  "millisecond": "{0} ms|{0} ms|{0} millisecond|{0} milliseconds|{0}ms|{0}ms",
  "minute": "{0} min|{0} min|{0} minute|{0} minutes|{0}m|{0}m",
  "month": "{0} mth|{0} mths|{0} month|{0} months|{0}m|{0}m",
  "nanosecond": "{0} ns|{0} ns|{0} nanosecond|{0} nanoseconds|{0}ns|{0}ns",
  "ounce": "{0} oz|{0} oz|{0} ounce|{0} ounces|{0}oz|{0}oz",
  "percent": "{0}%|{0}%|{0} percent|{0} percent|{0}%|{0}%",
  "petabyte": "{0} PB|{0} PB|{0} petabyte|{0} petabytes|{0}PB|{0}PB",
  "pound": "{0} lb|{0} lb|{0} pound|{0} pounds|{0}#|{0}#",
  "second": "{0} sec|{0} sec|{0} second|{0} seconds|{0}s|{0}s",
  "stone": "{0} st|{0} st|{0} stone|{0} stones|{0}st|{0}st",
  "terabit": "{0} Tb|{0} Tb|{0} terabit|{0} terabits|{0}Tb|{0}Tb",
  "terabyte": "{0} TB|{0} TB|{0} terabyte|{0} terabytes|{0}TB|{0}TB",
  "week": "{0} wk|{0} wks|{0} week|{0} weeks|{0}w|{0}w",
  "yard": "{0} yd|{0} yd|{0} yard|{0} yards|{0}yd|{0}yd",
  "year": "{0} yr|{0} yrs|{0} year|{0} years|{0}y|{0}y",
  "kilometer-per-hour": "{0} km/h|{0} km/h|{0} kilometer per hour|{0} kilometers per hour|{0}km/h|{0}km/h",
  "mile-per-hour": "{0} mph|{0} mph|{0} mile per hour|{0} miles per hour|{0}mph|{0}mph",
  "meter-per-second": "{0} m/s|{0} m/s|{0} meter per second|{0} meters per second|{0}m/s|{0}m/s",
  "liter-per-kilometer": "{0} L/km|{0} L/km|{0} liter per kilometer|{0} liters per kilometer|{0}L/km|{0}L/km",
  "mile-per-gallon": "{0} mpg|{0} mpg|{0} mile per gallon|{0} miles per gallon|{0}mpg|{0}mpg",
  "kilobyte-per-second": "{0} kB/s|{0} kB/s|{0} kilobyte per second|{0} kilobytes per second|{0}kB/s|{0}kB/s",
  "gram-per-liter": "{0} g/L|{0} g/L|{0} gram per liter|{0} grams per liter|{0}g/L|{0}g/L",
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
    s.symbolIsWord = /[A-Za-z]$/.test(s.symbol);
  }
  if (s.style === 'unit') {
    if (unit === undefined) throw new TypeError("Invalid unit argument for Intl.NumberFormat() ''");
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
  for (let i = 0; i < groups.length; i++) {
    if (i > 0) parts.push({ type: 'group', value: sym.group });
    parts.push({ type: 'integer', value: localDigits(sym, groups[i]) });
  }
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
    // Only the other notations need the magnitude before rounding.
    let mag = s.notation === 'standard' ? 0 : h.magnitude(arg) + shift;
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
    if (s.trailingZeroDisplay === 'stripIfInteger' && allZeros(fp)) fp = '';
    isZero = allZeros(ip) && allZeros(fp);
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
  // ICU's compact currency patterns have no accounting form.
  const accounting = s.style === 'currency' && s.currencySign === 'accounting' && sign === '-' && s.accountingParens &&
    s.notation !== 'compact';
  const parts = [];
  if (accounting) parts.push({ type: 'literal', value: '(' });
  else if (sign === '-') signParts(parts, 'minusSign', sym.minus);
  else if (sign === '+') signParts(parts, 'plusSign', sym.plus || (sym.plus = sym.minus.replace(/[-−]/, '+')));
  const operands = [ip || '0', fp];
  if (s.style === 'percent') {
    if (sym.percentPrefix) parts.push({ type: 'percentSign', value: sym.percentPrefix });
    pushAll(parts, body);
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
    pushAll(parts, body);
    if (post) {
      const m = /^(\s*)(.*)$/.exec(post);
      if (m[1]) parts.push({ type: 'literal', value: m[1] });
      parts.push({ type: 'unit', value: m[2] });
    }
  } else {
    pushAll(parts, body);
  }
  if (accounting) parts.push({ type: 'literal', value: ')' });
  return { parts, operands };
}

// signParts adds a sign, its bidi marks (he, ar) as a literal part.
function signParts(parts, type, value) {
  let i = 0;
  while (i < value.length && (value[i] === '\u200e' || value[i] === '\u200f' || value[i] === '\u061c')) i++;
  if (i > 0) parts.push({ type: 'literal', value: value.slice(0, i) });
  parts.push({ type, value: value.slice(i) });
}

// The hot paths avoid spread and for-of: goja's iterators allocate.
function pushAll(parts, more) {
  for (let i = 0; i < more.length; i++) parts.push(more[i]);
}

function allZeros(digits) {
  for (let i = 0; i < digits.length; i++) if (digits[i] !== '0') return false;
  return true;
}

function currencyParts(s, body, parts, operands) {
  if (s.currencyDisplay === 'name') {
    const names = (CURRENCY_NAMES[s.currency] || `${s.currency}|${s.currency}`).split('|');
    const one = h.pluralCategory(s.locale, false, operands[0], operands[1]) === 'one';
    pushAll(parts, body);
    parts.push({ type: 'literal', value: ' ' }, { type: 'currency', value: names[one ? 0 : 1] });
    return;
  }
  if (s.placement === 'after') {
    pushAll(parts, body);
    parts.push({ type: 'literal', value: '\u00a0' }, { type: 'currency', value: s.symbol });
    return;
  }
  parts.push({ type: 'currency', value: s.symbol });
  // ICU spaces a symbol that ends in a letter from the digits.
  if (s.placement === 'spaced' || s.symbolIsWord) parts.push({ type: 'literal', value: '\u00a0' });
  pushAll(parts, body);
}

function partsString(parts) {
  let out = '';
  for (let i = 0; i < parts.length; i++) out += parts[i].value;
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
