const { StringDecoder } = require('string_decoder');
const euro = Buffer.from('€😀é');
for (const enc of ["utf8", "hex", "base64", "latin1"]) {
  const src = enc === 'utf16le' ? Buffer.from('a€😀', 'utf16le') : euro;
  const d = new StringDecoder(enc); const out = [];
  for (let i = 0; i < src.length; i++) out.push(d.write(src.subarray(i, i + 1)));
  out.push(d.end());
  console.log(enc, d.encoding, JSON.stringify(out));
}
const d = new StringDecoder('utf8');
console.log(JSON.stringify([d.write(Buffer.from([0xe2, 0x82])), d.end(), d.write(Buffer.from([0xe2])), d.write(Buffer.from('A')), d.end(Buffer.from([0xf0, 0x9f]))]));
const b = new StringDecoder('base64'); console.log(b.write(Buffer.from('ab')), b.write(Buffer.from('cd')), b.end());
try { new StringDecoder('bogus') } catch (e) { console.log(e.code, e.message) }
try { d.write(5) } catch (e) { console.log(e.code, e.message) }
console.log(new StringDecoder().encoding, new StringDecoder('UTF-8').encoding, new StringDecoder('binary').encoding, new StringDecoder('ucs2').encoding);
const u16 = new StringDecoder('utf16le'); const src16 = Buffer.from('a€😀z', 'utf16le'); const parts = [];
for (let i = 0; i < src16.length; i += 2) parts.push(u16.write(src16.subarray(i, i + 2)));
parts.push(u16.end()); console.log(JSON.stringify(parts));
const odd = new StringDecoder('utf16le'); console.log(JSON.stringify([odd.write(Buffer.from([0x61, 0x00, 0x62])), odd.write(Buffer.from([0x00])), odd.end()]));
const hx = new StringDecoder('hex'); console.log(hx.write(Buffer.from([1, 255])), hx.end(Buffer.from([16])));
