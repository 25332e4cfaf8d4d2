'use strict';
// Intl for ebbnode: ECMA-402's constructors over the locale data that
// intl.go gives (internal). Output follows node 20 (ICU) for en-US; see
// the package doc for what other locales get. intl.go runs this file,
// number.js, text.js, date.js and global.js as one module body, in that
// order; this one holds what they share: locale lists and options.

const h = internal;
// The default locale comes from LC_ALL, LC_MESSAGES or LANG, as ICU's.
const DEFAULT_LOCALE = h.defaultLocale();

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
// ('number', 'en' or 'date'), else the default. narrow, when given, maps
// a requested locale to the one ICU reports (PluralRules' "en-US" is
// "en"); the default locale is reported as it is.
function resolveLocale(locales, kind, narrow) {
  for (const l of canonicalizeLocaleList(locales)) {
    const base = lookup(l);
    if (h.supported(base, kind)) return narrow ? narrow(base) : base;
  }
  return h.supported(DEFAULT_LOCALE, kind) ? DEFAULT_LOCALE : 'en-US';
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
    throw new TypeError(`Method ${method} called on incompatible receiver ${receiverName(obj)}`);
  }
  return s;
}

// receiverName is how V8 names a bad receiver: primitives as strings,
// objects as #<Constructor>.
function receiverName(v) {
  if ((typeof v !== 'object' || v === null) && typeof v !== 'function') return String(v);
  const c = v.constructor;
  return `#<${(typeof c === 'function' && c.name) || 'Object'}>`;
}

function requireNew(target, name) {
  if (target === undefined) throw new TypeError(`Constructor Intl.${name} requires 'new'`);
}
