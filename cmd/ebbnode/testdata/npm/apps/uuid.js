// uuid 14 (ESM-only major) through require(esm): v1/v4/v5/v7, validate, parse.
const { v4, v5, v7, validate, version, parse, stringify, NIL, MAX } = require('uuid');
const a = v4();
console.log(validate(a), version(a), a.length, /^[0-9a-f-]{36}$/.test(a));
console.log(v5('hello.example.com', v5.DNS), v5('https://www.w3.org/', v5.URL));
const t = v7();
console.log(version(t), validate(t));
console.log(JSON.stringify(Array.from(parse('6ec0bd7f-11c0-43da-975e-2a8ad9ebae0b'))), stringify(parse(NIL)), MAX);
console.log(validate('not-a-uuid'), v4({ random: new Uint8Array(16).fill(7) }));
