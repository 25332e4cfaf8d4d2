// Buffer argument validation: node's error classes and codes.
function attempt(label, fn) {
  try {
    const r = fn();
    console.log(label, 'ok', r === undefined ? '' : String(r));
  } catch (e) {
    console.log(label, '|', e.name, e.code);
  }
}
attempt('from number', () => Buffer.from(123));
attempt('from undefined', () => Buffer.from(undefined));
attempt('alloc negative', () => Buffer.alloc(-1));
attempt('alloc string size', () => Buffer.alloc('10'));
attempt('bad encoding', () => Buffer.from('abc', 'nope'));
attempt('toString bad encoding', () => Buffer.from('abc').toString('nope'));
attempt('concat non-list', () => Buffer.concat('abc'));
attempt('concat bad item', () => Buffer.concat([Buffer.from('a'), 'b']));
attempt('compare non-buffer', () => Buffer.compare(Buffer.from('a'), 'a'));
attempt('readUInt8 out of range', () => Buffer.alloc(1).readUInt8(1));
attempt('readInt16LE fractional offset', () => Buffer.alloc(4).readInt16LE(1.5));
attempt('writeInt8 too big', () => Buffer.alloc(1).writeInt8(128));
attempt('copy returns count', () => Buffer.from('abc').copy(Buffer.alloc(2)));
attempt('fill bad hex', () => Buffer.alloc(2).fill('zz', 'hex'));
attempt('byteLength number', () => Buffer.byteLength(5));
attempt('isEncoding number', () => Buffer.isEncoding(5));
attempt('slice out of range', () => Buffer.from('abc').slice(5, 10).length);
attempt('from arraybuffer offset', () => Buffer.from(new ArrayBuffer(4), 5));
