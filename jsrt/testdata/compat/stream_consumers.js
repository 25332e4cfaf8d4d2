// stream/consumers read a whole stream: text, json, buffer, arrayBuffer,
// one after another (their relative order when run at once is microtask
// detail), and a stream that errors rejects.
const { text, json, buffer, arrayBuffer } = require('stream/consumers');
const { Readable, PassThrough } = require('stream');

async function main() {
  console.log('text', await text(Readable.from(['a', 'b', Buffer.from('c')])));
  console.log('json', await json(Readable.from([Buffer.from('{"x":'), '[1,2]}'])));
  console.log('buffer', await buffer(Readable.from([Buffer.from([1, 2]), Buffer.from([3])])));
  const ab = await arrayBuffer(Readable.from(['xyz']));
  console.log('arrayBuffer', ab instanceof ArrayBuffer, ab.byteLength);
  const pt = new PassThrough();
  setImmediate(() => { pt.write('late '); pt.end('data'); });
  console.log('passthrough', await text(pt));
  const bad = new Readable({ read() { this.destroy(new Error('read failed')); } });
  try {
    await text(bad);
  } catch (e) {
    console.log('rejected', e.message);
  }
}
main();
