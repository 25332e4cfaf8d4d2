// stream/web: the WHATWG streams as node 20 has them (module and lazy
// globals), piped through text and compression streams, into and out of
// node streams.
const web = require('stream/web');
const { Readable } = require('stream');
console.log(Object.keys(web).sort().join(' '));
console.log(typeof ReadableStream, ReadableStream === web.ReadableStream, Object.keys(globalThis).includes('ReadableStream'));
(async () => {
  const rs = new ReadableStream({ start(c) { c.enqueue('héllo '); c.enqueue('wörld'); c.close(); } });
  const chunks = [];
  await rs.pipeThrough(new TextEncoderStream()).pipeThrough(new CompressionStream('gzip'))
    .pipeThrough(new DecompressionStream('gzip')).pipeThrough(new TextDecoderStream())
    .pipeTo(new WritableStream({ write(s) { chunks.push(s); } }));
  console.log(chunks.join(''));
  const r = Readable.from(new ReadableStream({ start(c) { c.enqueue('x'); c.enqueue('y'); c.close(); } }));
  let all = ''; for await (const x of r) all += x; console.log('readable.from', all);
  const strategy = new CountQueuingStrategy({ highWaterMark: 3 });
  console.log(strategy.highWaterMark, new ByteLengthQueuingStrategy({ highWaterMark: 8 }).size(new Uint8Array(5)));
  const ts = new TransformStream();
  const w = ts.writable.getWriter(); w.write('a'); w.close();
  const rd = ts.readable.getReader(); console.log(JSON.stringify(await rd.read()), JSON.stringify(await rd.read()));
  try { new CompressionStream('zip'); } catch (e) { console.log(e.name, e.code); }
  const bad = new ReadableStream({ start(c) { c.error(new Error('boom')); } });
  try { await bad.getReader().read(); } catch (e) { console.log('rejected', e.message); }
  console.log(Object.prototype.toString.call(new TextEncoderStream()), new TextDecoderStream().encoding, Object.prototype.toString.call(new CompressionStream('deflate')));
})();
