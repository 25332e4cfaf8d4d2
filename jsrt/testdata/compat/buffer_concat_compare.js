// concat, compare, equals, sorting buffers, toJSON and JSON round trip.
const a = Buffer.from('abc');
const b = Buffer.from('abd');
const c = Buffer.from('ab');
console.log(Buffer.concat([a, b, c]).toString());
console.log(Buffer.concat([a, b], 4).toString(), Buffer.concat([a], 5).toString('hex'));
console.log(Buffer.concat([]).length);
console.log(Buffer.compare(a, b), Buffer.compare(b, a), Buffer.compare(a, a), Buffer.compare(c, a));
console.log(a.compare(b), a.compare(b, 0, 2, 0, 2));
console.log(a.equals(Buffer.from('abc')), a.equals(b));
console.log([b, c, a].sort(Buffer.compare).map(String).join(' '));
console.log(JSON.stringify(a));
console.log(JSON.stringify({ buf: Buffer.from([1, 2]) }));
const back = Buffer.from(JSON.parse(JSON.stringify(a)).data);
console.log(back.toString(), a.toJSON().type);
console.log(String(Buffer.from('plain')), `${Buffer.from('tmpl')}`, Buffer.from('x') + Buffer.from('y'));
console.log(Buffer.from(Buffer.from('copy')).toString(), Buffer.from(new Uint16Array([1, 258])).toString('hex'));
console.log(Buffer.poolSize > 0, typeof Buffer.allocUnsafe(3).length);
