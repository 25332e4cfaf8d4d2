// A script that is not valid UTF-8 runs as node runs it: each invalid
// byte, or cut-short sequence, in the source reads as one U+FFFD, in string
// literals, templates, regexps and comments alike (this file holds raw bytes
// 0xff, 0xfe, 0xe2 0x82 and 0xc3 on purpose; keep them when editing).
const codes = (s) => [...s].map((c) => c.codePointAt(0).toString(16)).join(" ");
const a = "xÿy";
const b = 'þý';
const c = `cut â‚ end ${a.length}`;
const d = /Ã(z)/.source; // comment ÿ
for (const [name, s] of Object.entries({ a, b, c, d })) {
  console.log(name, s.length, codes(s), JSON.stringify(s));
}
console.log(Buffer.from(a).toString('hex'), a.isWellFormed());
console.log(a === 'x\uFFFDy', b === '\uFFFD\uFFFD');
// The file itself, read as bytes, is unchanged.
const raw = require('fs').readFileSync(__filename);
console.log(raw.includes(Buffer.from([0x22, 0x78, 0xff, 0x79, 0x22])));
console.log(raw.toString('utf8').includes('x\uFFFDy'));
