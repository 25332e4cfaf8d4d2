// Intl.NumberFormat and Intl.PluralRules over many seeded random numbers
// and option sets: every option in en-US, and the locale-data-driven ones
// (separators, grouping, signs, exponents, plural rules) in other locales.
'use strict';
let seed = 20240607;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = (a) => a[Math.floor(rnd() * a.length)];
const others = ['de', 'fr', 'es', 'it', 'ja', 'hi', 'en-IN', 'ru', 'pt-BR', 'pt-PT', 'nl', 'sv', 'pl', 'zh', 'ko',
  'tr', 'da', 'fi', 'nb', 'cs', 'id', 'vi', 'th', 'uk', 'el', 'hu', 'ro', 'de-CH', 'bg', 'et'];
const num = () => {
  if (rnd() < 0.1) return pick([0, -0, 1, -1, 0.5, 1.5, 2.5, -2.5, 1e21, 1e-7, 999.95, 0.125]);
  const v = Number(`${Math.round(rnd() * 1e6)}e${Math.floor(rnd() * 20) - 14}`);
  return rnd() < 0.3 ? -v : v;
};
const opts = (en) => {
  const o = {};
  if (rnd() < 0.3) o.style = en ? pick(['decimal', 'percent', 'currency', 'unit']) : pick(['decimal', 'percent']);
  if (o.style === 'currency') {
    o.currency = pick(['USD', 'EUR', 'JPY', 'GBP']);
    if (rnd() < 0.3) o.currencyDisplay = pick(['code', 'symbol', 'narrowSymbol', 'name']);
    if (rnd() < 0.2) o.currencySign = 'accounting';
  }
  if (o.style === 'unit') { o.unit = pick(['kilometer', 'second', 'byte', 'percent', 'liter']); o.unitDisplay = pick(['short', 'long', 'narrow']); }
  if (rnd() < 0.2) o.notation = en ? pick(['compact', 'scientific', 'engineering']) : pick(['scientific', 'engineering']);
  if (rnd() < 0.2) o.minimumFractionDigits = Math.floor(rnd() * 4);
  if (rnd() < 0.2) o.maximumFractionDigits = (o.minimumFractionDigits || 0) + Math.floor(rnd() * 4);
  if (rnd() < 0.15) o.maximumSignificantDigits = 1 + Math.floor(rnd() * 5);
  if (rnd() < 0.1) o.minimumSignificantDigits = 1;
  if (rnd() < 0.1) o.minimumIntegerDigits = 1 + Math.floor(rnd() * 4);
  if (rnd() < 0.15) o.useGrouping = pick([false, true, 'min2', 'always']);
  if (rnd() < 0.15) o.signDisplay = pick(['always', 'exceptZero', 'never', 'negative']);
  if (rnd() < 0.1) o.trailingZeroDisplay = 'stripIfInteger';
  if (rnd() < 0.1 && o.notation === 'compact') o.compactDisplay = 'long';
  return o;
};
for (let i = 0; i < 500; i++) {
  const en = i % 2 === 0;
  const l = en ? 'en-US' : pick(others);
  const o = opts(en);
  const n = num();
  let out;
  try { out = new Intl.NumberFormat(l, o).format(n); } catch (e) { out = `${e.name}: ${e.message}`; }
  console.log(l, JSON.stringify(o), n, JSON.stringify(out));
}
for (let i = 0; i < 150; i++) {
  const l = pick(others.concat(['en', 'ar', 'cy', 'he', 'lt']));
  const n = num();
  const pr = new Intl.PluralRules(l, rnd() < 0.3 ? { type: 'ordinal' } : { maximumFractionDigits: Math.floor(rnd() * 4) });
  console.log('plural', l, n, pr.select(n), pr.select(Math.abs(Math.round(n))));
}
