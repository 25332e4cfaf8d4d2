// Intl.NumberFormat: styles, digit options, grouping, notations, signs,
// formatToParts and resolvedOptions, in en-US and other locales.
'use strict';
const show = (label, v) => console.log(label, JSON.stringify(v));
const nums = [0, -0, 1, -1.5, 0.125, 1.005, 999.9995, 1234.5678, 12345.6789, 999999, 1e21, 0.000123, -0.0001, 123456789.123, NaN, Infinity, -Infinity];

for (const n of nums) {
  show(`en ${n}`, [
    new Intl.NumberFormat('en-US').format(n),
    new Intl.NumberFormat('en-US', { notation: 'compact' }).format(n),
    new Intl.NumberFormat('en-US', { notation: 'compact', compactDisplay: 'long' }).format(n),
    new Intl.NumberFormat('en-US', { notation: 'scientific' }).format(n),
    new Intl.NumberFormat('en-US', { notation: 'engineering' }).format(n),
    new Intl.NumberFormat('en-US', { style: 'percent' }).format(n),
    new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(n),
    new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', currencySign: 'accounting' }).format(n),
  ]);
}

const digitOpts = [
  { minimumFractionDigits: 2 }, { maximumFractionDigits: 0 }, { minimumFractionDigits: 1, maximumFractionDigits: 4 },
  { minimumIntegerDigits: 5 }, { maximumSignificantDigits: 3 }, { minimumSignificantDigits: 6 },
  { minimumSignificantDigits: 2, maximumSignificantDigits: 4 }, { useGrouping: false }, { useGrouping: 'min2' },
  { useGrouping: 'always' }, { signDisplay: 'always' }, { signDisplay: 'exceptZero' }, { signDisplay: 'never' },
  { signDisplay: 'negative' }, { maximumFractionDigits: 2, trailingZeroDisplay: 'stripIfInteger', minimumFractionDigits: 2 },
  { maximumSignificantDigits: 2, maximumFractionDigits: 3, roundingPriority: 'morePrecision' },
  { maximumSignificantDigits: 2, maximumFractionDigits: 3, roundingPriority: 'lessPrecision' },
];
for (const o of digitOpts) {
  const nf = new Intl.NumberFormat('en-US', o);
  show(JSON.stringify(o), [0, -0, 1, 1234.5678, -0.00456, 98765.4321, 0.5, 100].map((n) => nf.format(n)));
}

for (const c of ['USD', 'EUR', 'GBP', 'JPY', 'INR', 'CHF']) {
  show(c, ['symbol', 'narrowSymbol', 'code', 'name'].map((d) =>
    new Intl.NumberFormat('en-US', { style: 'currency', currency: c, currencyDisplay: d }).format(1234.5)));
}
show('name one', new Intl.NumberFormat('en-US', { style: 'currency', currency: 'EUR', currencyDisplay: 'name' }).format(1));

for (const u of ['kilometer-per-hour', 'megabyte', 'celsius', 'liter', 'percent', 'second', 'day', 'foot']) {
  show(u, ['short', 'long', 'narrow'].flatMap((d) =>
    [1, 2.5, 1000].map((n) => new Intl.NumberFormat('en-US', { style: 'unit', unit: u, unitDisplay: d }).format(n))));
}

for (const l of ['en-US', 'en-GB', 'en-IN', 'de', 'de-DE', 'fr', 'es', 'it', 'nl', 'pt-BR', 'ja', 'zh', 'ko', 'ru', 'hi', 'sv', 'pl', 'tr']) {
  show(l, [
    new Intl.NumberFormat(l).format(-1234567.891),
    new Intl.NumberFormat(l).format(1234),
    new Intl.NumberFormat(l, { minimumFractionDigits: 2 }).format(0.5),
    new Intl.NumberFormat(l, { style: 'percent', maximumFractionDigits: 1 }).format(0.256),
    new Intl.NumberFormat(l).resolvedOptions().locale,
  ]);
}
for (const [l, c] of [['de-DE', 'EUR'], ['fr-FR', 'EUR'], ['es-ES', 'EUR'], ['it-IT', 'EUR'], ['ja-JP', 'JPY'], ['en-GB', 'GBP'], ['en-IN', 'INR']]) {
  show(`${l} ${c}`, new Intl.NumberFormat(l, { style: 'currency', currency: c }).format(1234.5));
}

const nf = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
show('parts', nf.formatToParts(-1234567.891));
show('parts pct', new Intl.NumberFormat('en-US', { style: 'percent', signDisplay: 'always' }).formatToParts(0.256));
show('parts compact', new Intl.NumberFormat('en-US', { notation: 'compact', compactDisplay: 'long' }).formatToParts(1234567));
show('parts sci', new Intl.NumberFormat('en-US', { notation: 'scientific' }).formatToParts(0.00012345));
show('parts unit', new Intl.NumberFormat('en-US', { style: 'unit', unit: 'kilometer-per-hour', unitDisplay: 'long' }).formatToParts(50));
show('parts de', new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' }).formatToParts(-1234.5));
show('parts nan', new Intl.NumberFormat('en-US').formatToParts(NaN));

console.log(new Intl.NumberFormat().resolvedOptions());
console.log(new Intl.NumberFormat('en-US', { style: 'currency', currency: 'eur', notation: 'compact' }).resolvedOptions());
console.log(new Intl.NumberFormat('de', { style: 'unit', unit: 'liter', maximumSignificantDigits: 3 }).resolvedOptions());
console.log(new Intl.NumberFormat('en', { style: 'percent', useGrouping: false }).resolvedOptions());

show('bigint', [new Intl.NumberFormat('en-US').format(12345678901234567890n), new Intl.NumberFormat('de').format(-98765432109876543210n),
  new Intl.NumberFormat('en-US', { notation: 'compact' }).format(12345678901234n)]);
show('strings', [new Intl.NumberFormat('en-US').format('1234.5'), new Intl.NumberFormat('en-US').format('abc'), new Intl.NumberFormat('en-US').format(true)]);
const fmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }).format;
show('bound', [1.25, 2.35, 1e6].map(fmt));
show('typeof', [typeof Intl.NumberFormat, Intl.NumberFormat.length, Object.prototype.toString.call(new Intl.NumberFormat()), Intl.NumberFormat('en') instanceof Intl.NumberFormat]);
show('supported', Intl.NumberFormat.supportedLocalesOf(['en-US', 'de-DE', 'fr', 'tlh', 'ja-JP']));

for (const [label, f] of [
  ['no currency', () => new Intl.NumberFormat('en', { style: 'currency' })],
  ['bad currency', () => new Intl.NumberFormat('en', { style: 'currency', currency: 'US' })],
  ['bad style', () => new Intl.NumberFormat('en', { style: 'fancy' })],
  ['bad digits', () => new Intl.NumberFormat('en', { maximumFractionDigits: 101 })],
  ['min > max', () => new Intl.NumberFormat('en', { minimumFractionDigits: 3, maximumFractionDigits: 1 })],
  ['bad locale', () => new Intl.NumberFormat('not a locale')],
  ['null options', () => new Intl.NumberFormat('en', null)],
]) {
  try { f(); console.log(label, 'no error'); } catch (e) { console.log(label, e.name, e.message); }
}

// Every roundingMode, on fraction and significant digits (PluralRules in
// node 20 ignores the option).
const modes = ['ceil', 'floor', 'expand', 'trunc', 'halfCeil', 'halfFloor', 'halfExpand', 'halfTrunc', 'halfEven'];
const vals = [1.25, 1.35, -1.25, -1.35, 1.2, -1.2, 0.05, -0.05, 1.251, 0.04, -0.04, 9.95, -9.99, 0, 2.5, 3.5];
for (const m of modes) {
  console.log(m, vals.map((v) => new Intl.NumberFormat('en', { maximumFractionDigits: 1, roundingMode: m }).format(v)).join(' '),
    vals.map((v) => new Intl.NumberFormat('en', { maximumSignificantDigits: 1, roundingMode: m }).format(v)).join(' '),
    new Intl.NumberFormat('en', { roundingMode: m }).resolvedOptions().roundingMode,
    [0.5, 1.5, -0.5].map((v) => new Intl.PluralRules('en', { maximumFractionDigits: 0, roundingMode: m }).select(v)).join());
}

// Numeric strings are formatted exactly, past a double's precision.
const exact = new Intl.NumberFormat('en-US', { maximumFractionDigits: 20 });
show('strings exact', ['1234567.891234567891', '-0', '1.5e3', '.5', '12345678901234567890.123', ' 42 ', '0x1F', 'abc', '', '1e-5', '+7',
  '-1.25E+2', 'Infinity', '00012.500'].map((s) => exact.format(s)));
show('string compact', new Intl.NumberFormat('en', { notation: 'compact' }).format('123456789012345678901234'));

// Every sanctioned simple unit, in each display, with its plural forms.
for (const u of Intl.supportedValuesOf('unit')) {
  show(u, ['short', 'long', 'narrow'].map((d) => [0, 1, 1.5, 1234].map((n) => new Intl.NumberFormat('en-US', { style: 'unit', unit: u, unitDisplay: d }).format(n)).join('|')));
}
for (const [label, f] of [
  ['no unit', () => new Intl.NumberFormat('en', { style: 'unit' })],
  ['bad unit', () => new Intl.NumberFormat('en', { style: 'unit', unit: 'furlong' })],
  ['receiver', () => Intl.Collator.prototype.resolvedOptions.call(1)],
]) {
  try { f(); console.log(label, 'no error'); } catch (e) { console.log(label, e.name, e.message); }
}
