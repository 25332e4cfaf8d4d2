// Intl.RelativeTimeFormat, Intl.ListFormat and Intl.Segmenter (grapheme,
// word and sentence), plus getCanonicalLocales and Intl's shape.
'use strict';
const show = (label, v) => console.log(label, JSON.stringify(v));
for (const style of ['long', 'short', 'narrow']) {
  for (const unit of ['second', 'minutes', 'hour', 'day', 'weeks', 'month', 'quarter', 'year']) {
    const always = new Intl.RelativeTimeFormat('en', { style });
    const auto = new Intl.RelativeTimeFormat('en-US', { style, numeric: 'auto' });
    show(`${style} ${unit}`, [-1234.5, -2, -1, -0, 0, 1, 1.5, 2, 1000].map((n) => always.format(n, unit))
      .concat([-2, -1, 0, 1, 2].map((n) => auto.format(n, unit))));
  }
}
const rtf = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
show('parts', [rtf.formatToParts(-1234.5, 'days'), rtf.formatToParts(1, 'day'), rtf.formatToParts(3, 'hours')]);
console.log(rtf.resolvedOptions(), new Intl.RelativeTimeFormat().resolvedOptions());
for (const [label, f] of [
  ['bad unit', () => rtf.format(1, 'fortnight')],
  ['bad value', () => rtf.format(Infinity, 'day')],
  ['bad style', () => new Intl.RelativeTimeFormat('en', { style: 'tiny' })],
]) {
  try { f(); console.log(label, 'no error'); } catch (e) { console.log(label, e.name, e.message); }
}

const lists = [[], ['a'], ['a', 'b'], ['a', 'b', 'c'], ['Motorcycle', 'Bus', 'Car', 'Train']];
for (const style of ['long', 'short', 'narrow']) {
  for (const type of ['conjunction', 'disjunction', 'unit']) {
    const lf = new Intl.ListFormat('en', { style, type });
    show(`${style} ${type}`, lists.map((l) => lf.format(l)));
  }
}
show('list parts', new Intl.ListFormat('en-US').formatToParts(['x', 'y', 'z']));
show('list iterable', new Intl.ListFormat('en').format(new Set(['one', 'two'])));
console.log(new Intl.ListFormat('en-US', { type: 'disjunction' }).resolvedOptions());
try { new Intl.ListFormat('en').format(['a', 1]); } catch (e) { console.log(e.name, e.message); }

const text = 'Hello, world! 👋🏽 Family: 👨‍👩‍👧‍👦. Café déjà vu? Yes: 3.14 is π. e\u0301 ok';
const seg = (granularity) => [...new Intl.Segmenter('en', { granularity }).segment(text)];
show('graphemes', seg('grapheme').map((s) => s.segment));
show('grapheme index', seg('grapheme').slice(12, 20).map((s) => [s.segment, s.index]));
show('words', seg('word').map((s) => [s.segment, s.index, s.isWordLike]));
show('sentences', seg('sentence').map((s) => [s.segment, s.index]));
const segments = new Intl.Segmenter('en', { granularity: 'word' }).segment('The quick brown fox');
show('containing', [segments.containing(0), segments.containing(5), segments.containing(3), segments.containing(99), segments.containing(-1)]);
show('count', [...new Intl.Segmenter().segment('🇺🇸🇫🇷a̐éö̲')].length);
console.log(new Intl.Segmenter('fr', { granularity: 'sentence' }).resolvedOptions(), new Intl.Segmenter().resolvedOptions());

show('canonical', Intl.getCanonicalLocales(['EN-us', 'zh-hant-tw', 'de-de-u-co-phonebk', 'en-US', 'sr-latn', 'ES']));
show('canonical one', [Intl.getCanonicalLocales('fr-ca'), Intl.getCanonicalLocales(), Intl.getCanonicalLocales([])]);
for (const bad of ['x', 'en_US', '', 'en-', 123]) {
  try { Intl.getCanonicalLocales(bad); console.log(bad, 'no error'); } catch (e) { console.log(JSON.stringify(bad), e.name, e.message); }
}
show('shape', [Object.prototype.toString.call(Intl), typeof Intl, Object.keys(Intl), Object.getOwnPropertyNames(Intl).sort()
  .filter((k) => ['Collator', 'DateTimeFormat', 'ListFormat', 'Locale', 'NumberFormat', 'PluralRules', 'RelativeTimeFormat', 'Segmenter', 'getCanonicalLocales', 'supportedValuesOf'].includes(k))]);
show('tags', [new Intl.Collator(), new Intl.DateTimeFormat(), new Intl.ListFormat(), new Intl.NumberFormat(), new Intl.PluralRules(),
  new Intl.RelativeTimeFormat(), new Intl.Segmenter()].map((o) => Object.prototype.toString.call(o)));
show('lengths', [Intl.NumberFormat.length, Intl.DateTimeFormat.length, Intl.Collator.length, Intl.PluralRules.length, Intl.NumberFormat.name]);
