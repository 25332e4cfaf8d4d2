// Intl.PluralRules, Collator, ListFormat, RelativeTimeFormat and
// Segmenter: part of node:internal/intl, one module body with intl.js
// (which says how).

// ---- PluralRules --------------------------------------------------------

function PluralRules(locales, options) {
  requireNew(new.target, 'PluralRules');
  const locale = resolveLocale(locales, 'number', h.pluralLocale);
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
  const locale = resolveLocale(requested, 'number', h.collationLocale);
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
  for (let i = 0; i < parts.length; i++) out.push({ type: parts[i].type, value: parts[i].value, unit: u });
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
