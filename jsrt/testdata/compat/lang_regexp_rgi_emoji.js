// Properties of strings under the v flag: \p{RGI_Emoji} and its parts
// (string-width, which yargs loads, tests each grapheme with one).
const rgi = /^\p{RGI_Emoji}$/v;
const samples = ['👍', '👍🏽', '👨‍👩‍👧', '👩🏾‍🚀', '🧑‍🤝‍🧑', '🇫🇷', '🇯🇵', '#️⃣', '*️⃣', '7️⃣', '❤️', '❤',
  '☺️', '©', '©️', '🏴󠁧󠁢󠁳󠁣󠁴󠁿', '🏳️‍🌈', '🐈‍⬛', 'a', '1', '😀😀', '🇦🇦', '\u200d', '👍\u200d'];
for (const s of samples) {
  const cps = [...s].map((c) => c.codePointAt(0).toString(16)).join(' ');
  console.log(cps, rgi.test(s));
}
const parts = ['Basic_Emoji', 'Emoji_Keycap_Sequence', 'RGI_Emoji_Modifier_Sequence',
  'RGI_Emoji_Flag_Sequence', 'RGI_Emoji_Tag_Sequence', 'RGI_Emoji_ZWJ_Sequence'];
for (const p of parts) {
  const re = new RegExp(`^\\p{${p}}$`, 'v');
  console.log(p, samples.filter((s) => re.test(s)).length, re.source, re.flags);
}
// Longest sequence first, as V8 matches.
console.log('x👨‍👩‍👧y👍🏽z🇫🇷'.match(/\p{RGI_Emoji}/gv).map((m) => m.length).join(','));
console.log('a👍🏽b#️⃣c'.replace(/\p{RGI_Emoji}/gv, '<$&>'));
console.log(/(\p{RGI_Emoji})\s(\d)/v.exec('go 🚀 5').slice(1).join('|'));
for (const bad of ['\\P{RGI_Emoji}', '\\p{RGI_Emoji}']) {
  try { new RegExp(bad, 'u'); console.log('ok'); } catch (e) { console.log(e.constructor.name, e.message); }
}
try { new RegExp('\\P{RGI_Emoji}', 'v'); } catch (e) { console.log(e.constructor.name, e.message); }
