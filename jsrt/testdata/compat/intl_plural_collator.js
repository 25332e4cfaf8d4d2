// Intl.PluralRules and Intl.Collator (and String.prototype.localeCompare
// through it) in English and other locales.
'use strict';
const show = (label, v) => console.log(label, JSON.stringify(v));
const ns = [0, 1, 2, 3, 4, 5, 11, 12, 13, 21, 22, 23, 101, 111, 1.5, 0.5, 1.0, 1000000];
for (const l of ['en', 'en-US', 'fr', 'de', 'ru', 'pl', 'ar', 'ja', 'cs', 'lt', 'cy', 'he']) {
  const card = new Intl.PluralRules(l);
  show(`${l} cardinal`, ns.map((n) => card.select(n)));
  show(`${l} categories`, card.resolvedOptions().pluralCategories);
}
for (const l of ['en', 'fr', 'it', 'sv', 'cy']) {
  const ord = new Intl.PluralRules(l, { type: 'ordinal' });
  show(`${l} ordinal`, ns.map((n) => ord.select(n)));
  show(`${l} ordinal categories`, ord.resolvedOptions().pluralCategories);
}
const suffix = { one: 'st', two: 'nd', few: 'rd', other: 'th' };
const ord = new Intl.PluralRules('en-US', { type: 'ordinal' });
console.log([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 112].map((n) => `${n}${suffix[ord.select(n)]}`).join(' '));
show('digits', [new Intl.PluralRules('en', { minimumFractionDigits: 1 }).select(1), new Intl.PluralRules('en', { maximumFractionDigits: 0 }).select(1.2),
  new Intl.PluralRules('en', { maximumSignificantDigits: 1 }).select(1.4), new Intl.PluralRules('en').select('1'), new Intl.PluralRules('en').select(NaN)]);
console.log(new Intl.PluralRules('en-US').resolvedOptions());
console.log(new Intl.PluralRules('ru', { type: 'ordinal', minimumSignificantDigits: 2 }).resolvedOptions());

const words = ['résumé', 'resume', 'Resume', 'RESUME', 'apple', 'Apple', 'äpfel', 'zebra', 'Zebra', 'item10', 'item9', 'item1', 'a-b', 'ab', 'a b', '', 'Ångström', 'angstrom', 'côte', 'cote', 'coté', 'côté'];
show('default sort', words.slice().sort(new Intl.Collator('en').compare));
show('numeric sort', words.slice().sort(new Intl.Collator('en', { numeric: true }).compare));
show('localeCompare sort', words.slice().sort((a, b) => a.localeCompare(b)));
show('de sort', ['Äpfel', 'Zucker', 'apfel', 'Ofen', 'Öl', 'Übel', 'Ufer'].sort(new Intl.Collator('de').compare));
show('sv sort', ['ö', 'z', 'å', 'ä', 'a', 'o'].sort(new Intl.Collator('sv').compare));
show('es sort', ['ñu', 'nube', 'oso', 'n'].sort(new Intl.Collator('es').compare));
for (const sensitivity of ['base', 'accent', 'case', 'variant']) {
  const c = new Intl.Collator('en', { sensitivity });
  show(sensitivity, [['a', 'b'], ['a', 'A'], ['a', 'á'], ['a', 'a'], ['A', 'á'], ['b', 'a']].map(([x, y]) => c.compare(x, y)));
}
show('localeCompare', ['a'.localeCompare('B'), 'a'.localeCompare('a'), 'b'.localeCompare('a'), 'a'.localeCompare('A', 'en', { sensitivity: 'base' }),
  'item10'.localeCompare('item9', undefined, { numeric: true }), 'item10'.localeCompare('item9'), 'ä'.localeCompare('z', 'de'), 'ä'.localeCompare('z', 'sv')]);
show('punctuation', [new Intl.Collator('en', { ignorePunctuation: true }).compare('a-b', 'ab'), new Intl.Collator('en').compare('a-b', 'ab')]);
console.log(new Intl.Collator('en-US').resolvedOptions());
console.log(new Intl.Collator('de', { numeric: true, sensitivity: 'base', usage: 'search' }).resolvedOptions());
show('supported', [Intl.Collator.supportedLocalesOf(['en', 'de-AT', 'sv']), Intl.PluralRules.supportedLocalesOf('fr-CA')]);
for (const [label, f] of [
  ['bad type', () => new Intl.PluralRules('en', { type: 'many' })],
  ['no new', () => Intl.PluralRules('en')],
  ['bad sensitivity', () => new Intl.Collator('en', { sensitivity: 'loud' })],
]) {
  try { f(); console.log(label, 'no error'); } catch (e) { console.log(label, e.name, e.message); }
}
