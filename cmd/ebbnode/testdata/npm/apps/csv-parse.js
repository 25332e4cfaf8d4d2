// csv-parse (ESM-only, exports "./sync"): sync API and the stream API.
const { parse } = require('csv-parse');
const { parse: parseSync } = require('csv-parse/sync');
const input = 'name,qty,note\n"Tea, green",3,"said ""hi"""\nCup,1,\r\nJug,2,last\n';
console.log(JSON.stringify(parseSync(input, { columns: true, cast: true })));
const rows = [];
const parser = parse({ delimiter: ';', from_line: 2, trim: true });
parser.on('readable', () => { let r; while ((r = parser.read()) !== null) rows.push(r); });
parser.on('error', (e) => console.log('error', e.code));
parser.on('end', () => {
  console.log(JSON.stringify(rows), parser.info.records);
  try { parseSync('a,b\n1,2,3\n'); } catch (e) { console.log(e.code, e.message); }
});
parser.write('h1;h2\n a ; b \n');
parser.write('c;d\n');
parser.end();
