const b = Buffer.from('hello world');
console.log(b.slice(-5, -1).toString(), b.subarray(2, 100).toString(), b.slice(5, 2).length, b.toString('utf8', 6), b.toString('hex', 0, 3), b.toString(undefined, 1, 3));
console.log(Buffer.alloc(6, Buffer.from([1, 2])), Buffer.alloc(4, 'aabb', 'hex'), Buffer.alloc(3, 0x101), Buffer.alloc(2, ''), Buffer.concat([Buffer.from('ab'), Buffer.from('cd')], 3), Buffer.concat([Buffer.from('a')], 4));
const w = Buffer.alloc(8); console.log(w.write('abc'), w.write('xyz', 5), w.write('€€', 6), w, w.write('ff00', 0, 'hex'), w, w.write('abc', 1, 1), w);
console.log([Buffer.from('b'), Buffer.from('a'), Buffer.from('ab')].sort(Buffer.compare), Buffer.from('ab').compare(Buffer.from('ab'), 0, 1), b.equals(Buffer.from('hello world')));
console.log([...Buffer.from('ab').entries()], [...Buffer.from('ab').keys()], Buffer.from('abc').reverse(), Buffer.from([1,2,3]).filter(x => x > 1), Buffer.from('abc').map(x => x - 32).toString());
console.log(b.indexOf('o', -4), b.lastIndexOf('o', 5), b.indexOf(''), b.indexOf('', 20), b.indexOf('xyz'), b.includes(104), b.indexOf('6c', 0, 'hex'), b.lastIndexOf(Buffer.from('l')));
console.log(Buffer.from('ÿ', 'latin1'), Buffer.from('ÿ', 'binary').toString('binary'), Buffer.from('\u00e9\u0100', 'ucs2'), Buffer.from([0xe9, 0]).toString('ucs2'), Buffer.from('abc', 'utf-8'), Buffer.from('AQID', 'base64'), Buffer.from('_-8', 'base64url'), Buffer.from('zz', 'hex').length, Buffer.from('abc', 'hex').length);
console.log(Buffer.isEncoding('UTF8'), Buffer.isEncoding('nope'), Buffer.isEncoding(''), Buffer.byteLength('€€'), Buffer.byteLength('abc', 'hex'), Buffer.byteLength(new Uint16Array(4)), Buffer.byteLength('aGk', 'base64'));
const x = Buffer.from([0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc]);
console.log(x.readUInt16BE(1).toString(16), x.readInt16LE(4), x.readUIntLE(0, 3).toString(16), x.readIntBE(2, 4), x.readUInt32BE(2).toString(16), x.swap16(), Buffer.from([1,2,3,4]).swap32(), x.toJSON().data.length);
const f = Buffer.alloc(4); console.log(f.writeFloatLE(0.1), f.readFloatLE(0), f.writeInt16BE(-300, 1), f, f.writeUIntBE(0xabcdef, 0, 3), f, f.writeIntLE(-2, 1, 3), f);
try { Buffer.alloc(-1) } catch (e) { console.log(e.code, e.message) }
try { Buffer.alloc(2).write('x', 3) } catch (e) { console.log(e.code, e.message) }
try { Buffer.alloc(2).readUIntLE(0, 7) } catch (e) { console.log(e.code, e.message) }
try { Buffer.alloc(2).readInt16LE(1.5) } catch (e) { console.log(e.code, e.message) }
try { Buffer.alloc(2).writeInt8(200) } catch (e) { console.log(e.code, e.message) }
try { Buffer.alloc(2).writeUInt32LE(1) } catch (e) { console.log(e.code, e.message) }
try { Buffer.concat('x') } catch (e) { console.log(e.code, e.message) }
try { Buffer.from(5) } catch (e) { console.log(e.code, e.message) }
try { Buffer.alloc(3).swap16() } catch (e) { console.log(e.code, e.message) }
console.log(JSON.stringify({ buf: Buffer.from([1, 2]) }), Buffer.from(JSON.parse(JSON.stringify(Buffer.from('hi')))).toString(), Buffer.from({ length: 2, 0: 7, 1: 8 }), Buffer.from(new String('str')));
console.log(new Uint8Array(Buffer.from('ab')), Buffer.from('ab').buffer.byteLength >= 2, Buffer.poolSize, require('buffer').kMaxLength, require('buffer').constants.MAX_LENGTH);
console.log(Buffer.from('€').toString('ascii'), Buffer.from('€').toString('latin1'), Buffer.from([0x80, 0xff]).toString('ascii'), Buffer.from('aé', 'ascii'));
