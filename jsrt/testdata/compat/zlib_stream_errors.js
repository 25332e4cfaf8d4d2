// zlib streams on bad input: 'error' (code, errno, message as zlib words it) then
// 'close'; a bad header fails at write, before end(); a bad checksum at the end.
const zlib = require('zlib');
const events = [];
const g = zlib.createInflate();
g.on('error', (e) => { events.push(`error ${e.code} ${e.errno} ${e.message}`); });
g.on('close', () => { events.push('close'); console.log(events.join(' | ')); next(); });
g.write(Buffer.from('garbage that is long'));
function next() {
  const ev = [];
  const good = zlib.gzipSync('some text here');
  good[good.length - 5] ^= 0xff;
  const u = zlib.createGunzip();
  u.on('data', (c) => ev.push('data ' + c.length));
  u.on('error', (e) => ev.push(`error ${e.code} ${e.message}`));
  u.on('close', () => { console.log(ev.join(' | ')); step3(); });
  u.end(good);
}
function step3() {
  const events = [];
  const g = zlib.createGunzip();
  g.on('error', (e) => events.push(`error ${e.code} ${e.errno} ${e.message}`));
  g.on('close', () => { events.push('close'); console.log(events.join(' | ')); });
  g.on('end', () => events.push('end'));
  g.write(Buffer.from('not gzip at all'));
  g.end();
}
