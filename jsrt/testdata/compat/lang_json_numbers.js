// JSON.parse of numbers at the edges of double precision, and stringify of
// the results.
console.log(JSON.parse('1e400'), JSON.parse('-1e400'), JSON.parse('123456789012345678901234567890'));
console.log(JSON.parse('1e-400'), Object.is(JSON.parse('-1e-400'), -0), JSON.parse('0.1e1'), JSON.parse('1E2'));
console.log(JSON.parse('9007199254740993'), JSON.parse('[5e-324, 1.7976931348623157e308]').join(' '));
console.log(JSON.stringify(JSON.parse('{"big":1e400,"small":1e-400}')));
for (const bad of ['01', '1.', '.5', '+1', '0x10', 'NaN', '1e']) {
  try { JSON.parse(bad); console.log(bad, 'parsed'); } catch (e) { console.log(bad, e.name); }
}
