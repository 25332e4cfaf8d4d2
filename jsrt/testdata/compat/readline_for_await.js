// The idiomatic line reader: for await over readline on a file stream
// (for await is lowered by esbuild for goja).
const readline = require('readline');
const fs = require('fs');
const path = require('path');

async function main() {
  const input = fs.createReadStream(path.join(__dirname, 'fixtures', 'esm', 'data.txt'));
  const rl = readline.createInterface({ input, crlfDelay: Infinity });
  const lines = [];
  for await (const line of rl) lines.push(line);
  console.log('lines', lines.length, JSON.stringify(lines));
  const self = readline.createInterface({ input: fs.createReadStream(__filename) });
  let n = 0;
  for await (const line of self) {
    if (line.startsWith('//')) n++;
  }
  console.log('comment lines', n);
}
main().catch((e) => console.log('failed', e));
