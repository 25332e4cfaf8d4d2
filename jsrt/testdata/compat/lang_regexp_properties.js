// Unicode property escapes with the u flag match what V8's do, for every
// General_Category value, common scripts and the binary properties, counted
// over a sample of code points (BMP letters and symbols, emoji).
// The sample in chunks of 64 code points (a global match over one long
// string costs goja time quadratic in its length).
const sample = [];
let chunk = '';
const add = (cp) => {
  chunk += String.fromCodePoint(cp);
  if (chunk.length >= 64) { sample.push(chunk); chunk = ''; }
};
for (let cp = 0; cp < 0x2fc0; cp += 5) add(cp);
for (let cp = 0xa000; cp < 0xac00; cp += 13) add(cp);
for (let cp = 0x1f000; cp < 0x1fb00; cp += 3) add(cp);
// Code points of the properties the steps above skip.
for (const cp of [0x2028, 0x2029, 0x2ff0, 0x2ff2, 0x3042, 0x30a2, 0x4e00, 0xe000, 0xfdd0, 0x1f1e6]) add(cp);
sample.push(chunk);
// How many sample code points match, and a checksum of which.
function count(re) {
  const g = new RegExp(re.source, re.flags + 'g');
  let n = 0;
  let sum = 0;
  for (const part of sample) {
    for (const c of part.match(g) || []) {
      n++;
      sum = (sum * 31 + c.codePointAt(0)) % 1000003;
    }
  }
  return `${n}/${sum}`;
}
const gc = ['L', 'Letter', 'LC', 'Cased_Letter', 'Lu', 'Ll', 'Lt', 'Lm', 'Lo', 'M', 'Mark', 'Mn', 'Mc', 'Me',
  'N', 'Nd', 'digit', 'Nl', 'No', 'P', 'punct', 'Pc', 'Pd', 'Ps', 'Pe', 'Pi', 'Pf', 'Po', 'S', 'Sm', 'Sc',
  'Sk', 'So', 'Z', 'Zs', 'Zl', 'Zp', 'C', 'Other', 'Cc', 'cntrl', 'Cf', 'Co', 'Cn', 'Unassigned',
  'gc=Lu', 'General_Category=Decimal_Number'];
const sc = ['Latin', 'Latn', 'Greek', 'Grek', 'Cyrillic', 'Arabic', 'Hebrew', 'Han', 'Hani', 'Hiragana',
  'Katakana', 'Hangul', 'Thai', 'Devanagari', 'Common', 'Zyyy', 'Inherited', 'Armenian', 'Georgian',
  'Ethiopic', 'Tibetan', 'Yi', 'Braille', 'Runic', 'Cherokee', 'Mongolian', 'Khmer'];
const bin = ['Any', 'ASCII', 'Assigned', 'Alphabetic', 'Alpha', 'Lowercase', 'Uppercase', 'Math',
  'White_Space', 'space', 'ID_Start', 'ID_Continue', 'XID_Start', 'XID_Continue', 'Cased',
  'Case_Ignorable', 'Changes_When_Casefolded', 'Changes_When_Casemapped', 'Changes_When_Lowercased',
  'Changes_When_Uppercased', 'Changes_When_Titlecased', 'Changes_When_NFKC_Casefolded', 'Dash',
  'Default_Ignorable_Code_Point', 'Diacritic', 'Extender', 'Grapheme_Base', 'Grapheme_Extend',
  'Hex_Digit', 'ASCII_Hex_Digit', 'Ideographic', 'Join_Control', 'Noncharacter_Code_Point',
  'Pattern_Syntax', 'Pattern_White_Space', 'Quotation_Mark', 'Radical', 'Regional_Indicator',
  'Sentence_Terminal', 'Soft_Dotted', 'Terminal_Punctuation', 'Unified_Ideograph',
  'Variation_Selector', 'Bidi_Control', 'Bidi_Mirrored', 'Deprecated', 'Logical_Order_Exception',
  'IDS_Binary_Operator', 'IDS_Trinary_Operator', 'Emoji', 'Emoji_Presentation', 'Emoji_Modifier',
  'Emoji_Modifier_Base', 'Emoji_Component', 'Extended_Pictographic', 'EPres', 'ExtPict'];
const lines = [];
for (const name of gc) lines.push(`${name} ${count(new RegExp(`\\p{${name}}`, 'u'))}`);
for (const name of sc) lines.push(`sc=${name} ${count(new RegExp(`\\p{Script=${name}}`, 'u'))}`);
for (const name of bin) lines.push(`${name} ${count(new RegExp(`\\p{${name}}`, 'u'))}`);
console.log(lines.join('\n'));
console.log('negated', count(/\P{L}/u), count(/[\P{L}\p{Lu}]/u), count(/[^\p{N}\p{P}]/u));
