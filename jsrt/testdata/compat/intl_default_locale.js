// The default locale comes from the environment (LC_ALL, LC_MESSAGES,
// LANG) as ICU's does: numbers, plural rules and collation without a
// locale argument follow LANG here.
// env: LANG=de_DE.UTF-8
'use strict';
const show = (label, v) => console.log(label, JSON.stringify(v));
show('numbers', [(1234567.891).toLocaleString(), (0.256).toLocaleString(undefined, { style: 'percent' }), (1234.5).toLocaleString(undefined, { style: 'currency', currency: 'EUR' }),
  new Intl.NumberFormat().format(-98765.4321), (12345678901234567890n).toLocaleString(), [1234.5, 6789].toLocaleString()]);
show('locales', [new Intl.NumberFormat().resolvedOptions().locale, new Intl.PluralRules().resolvedOptions().locale, new Intl.Collator().resolvedOptions().locale,
  new Intl.Segmenter().resolvedOptions().locale, new Intl.NumberFormat('en-US').resolvedOptions().locale, new Intl.NumberFormat('tlh').resolvedOptions().locale]);
show('sort', ['Zucker', 'Äpfel', 'apfel', 'Ofen', 'Öl', 'Übel', 'Ufer'].sort((a, b) => a.localeCompare(b)));
show('plural', [0, 1, 2, 1.5].map((n) => new Intl.PluralRules().select(n)));
show('en still', [(1234.5).toLocaleString('en-US'), new Date(0).toLocaleString('en-US', { timeZone: 'UTC' })]);
