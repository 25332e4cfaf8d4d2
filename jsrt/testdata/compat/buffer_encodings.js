// Buffer encodings: utf8 (multi-byte), hex, base64, base64url, latin1,
// ascii, utf16le; byteLength per encoding; invalid input handling.
const s = 'héllo wörld €𝄞';
const b = Buffer.from(s, 'utf8');
console.log('len', s.length, b.length, Buffer.byteLength(s), Buffer.byteLength(s, 'utf16le'));
console.log('hex', b.toString('hex'));
console.log('base64', b.toString('base64'));
console.log('base64url', b.toString('base64url'));
console.log('latin1', JSON.stringify(Buffer.from('héllo', 'latin1').toString('hex')));
console.log('utf16le', Buffer.from('hi€', 'utf16le').toString('hex'));
console.log('ascii', Buffer.from('abc', 'ascii').toString('hex'));
console.log('round utf8', Buffer.from(b.toString('utf8')).equals(b));
console.log('round hex', Buffer.from(b.toString('hex'), 'hex').toString() === s);
console.log('round base64', Buffer.from(b.toString('base64'), 'base64').toString() === s);
console.log('from base64 no pad', Buffer.from('aGk', 'base64').toString());
console.log('from base64url', Buffer.from('-_8', 'base64url').toString('hex'));
console.log('latin1 decode', JSON.stringify(Buffer.from([0x68, 0xe9, 0xff]).toString('latin1')));
console.log('invalid utf8', JSON.stringify(Buffer.from([0x61, 0xff, 0x62]).toString()));
console.log('odd hex', Buffer.from('abc', 'hex').toString('hex'), Buffer.from('zz11', 'hex').length);
console.log('isEncoding', Buffer.isEncoding('UTF-8'), Buffer.isEncoding('hex'), Buffer.isEncoding('nope'));
console.log('partial range', b.toString('utf8', 0, 5), b.toString('hex', 1, 3));
console.log('from array', Buffer.from([256, -1, 65.7]).toString('hex'));
console.log('alloc', Buffer.alloc(4).toString('hex'), Buffer.alloc(3, 'ab').toString(), Buffer.alloc(2, 7).toString('hex'));
console.log('inspect', b.subarray(0, 6));
