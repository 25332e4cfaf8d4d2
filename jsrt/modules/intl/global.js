// Intl.Locale, the Intl object and the toLocaleString helpers: part of node:internal/intl, one
// module body with intl.js (which says how).

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
      unit: Object.keys(UNITS).filter((u) => !u.includes('-per-')).sort(), currency: Object.keys(CURRENCY_NAMES).sort(),
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

let defaultCompare;

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
    if (locales === undefined && options === undefined) {
      // The common case (sorting with localeCompare) skips the cache key.
      if (!defaultCompare) defaultCompare = new Collator().compare;
      return defaultCompare(a, b);
    }
    return cached('c', () => new Collator(locales, options), locales, options).compare(a, b);
  },
};

module.exports = { Intl, toLocale };
