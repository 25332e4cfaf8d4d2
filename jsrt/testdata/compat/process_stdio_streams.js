// process.stdout/stderr are stream.Writables and stdin a stream.Readable, made on
// first use (getters); writes are synchronous and stay in order with console.log,
// which goes through the stream once it exists (cork, a replaced write()).
const stream = require('stream');
console.log('instances', process.stdout instanceof stream.Writable, process.stderr instanceof stream.Writable,
  process.stdin instanceof stream.Readable);
const d = Object.getOwnPropertyDescriptor(process, 'stdout');
console.log('descriptor', typeof d.get, d.set, d.enumerable, d.configurable);
console.log('same object', process.stdout === process.stdout, process.stdout.fd, process.stderr.fd, process.stdin.fd);
console.log('props', process.stdout.writable, process.stdout.writableHighWaterMark, process.stdout._isStdio,
  process.stdout.writableObjectMode, typeof process.stdout.cork, process.stdout.writableLength);
const r = process.stdout.write('write returns ');
console.log(r);
process.stdout.write(Buffer.from('a buffer, '));
process.stdout.write('latin1 \xe9, ', 'latin1');
process.stdout.write('hex 41\n'.slice(0, 4) + '\n');
process.stdout.write('414243', 'hex', () => console.log('\nwrite callback'));
console.log('\nafter hex write (callback comes on nextTick)');
process.stdout.cork();
process.stdout.write('corked ');
console.log('logged while corked');
process.stdout.uncork();
process.stdout.write('\n');
try { process.stdout.write(null); } catch (e) { console.log(e.code); }
try { process.stdout.write(42); } catch (e) { console.log(e.code); }
const piped = stream.Readable.from(['piped ', 'into ', 'stdout\n']);
piped.pipe(process.stdout);
piped.on('end', () => setImmediate(() => {
  console.log('stdout after pipe: writable', process.stdout.writable, 'ended', process.stdout.writableEnded);
  process.stdout.write('last write\n');
}));
process.on('exit', () => {
  const orig = process.stdout.write;
  const seen = [];
  process.stdout.write = function (chunk, ...rest) { seen.push(String(chunk).trim()); return orig.call(this, chunk, ...rest); };
  console.log('captured line');
  process.stdout.write = orig;
  console.log('seen by replaced write:', JSON.stringify(seen));
  console.error('to stderr');
});
