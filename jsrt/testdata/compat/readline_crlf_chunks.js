// readline over a CRLF file read in small chunks: a chunk that ends
// between \r and \n must not make an extra empty line (node joins them
// within crlfDelay). Lone \r and \n still end lines.
const fs = require('fs');
const path = require('path');
const readline = require('readline');
const dir = process.env.COMPAT_TMP;
const file = path.join(dir, 'crlf.txt');
let text = '';
for (let i = 0; i < 100; i++) text += `line ${i}\r\n`;
fs.writeFileSync(file, text + 'lone\rcr\n\nlf\nlast');

function count(hwm, crlfDelay) {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: fs.createReadStream(file, { highWaterMark: hwm }), crlfDelay });
    const lines = [];
    rl.on('line', (l) => lines.push(l));
    rl.on('close', () => resolve(lines));
  });
}

(async () => {
  for (const [hwm, delay] of [[7, undefined], [7, Infinity], [1, undefined], [3, 50], [65536, undefined]]) {
    const lines = await count(hwm, delay);
    console.log(hwm, delay, lines.length, lines.filter((l) => l === '').length, JSON.stringify(lines.slice(98)));
  }
  const rl = readline.createInterface({ input: new (require('stream').Readable)({ read() {} }) });
  const got = [];
  rl.on('line', (l) => got.push(l));
  rl.write('a\r');
  rl.write('\nb\r\r\n');
  rl.write('c\n');
  console.log('write:', JSON.stringify(got));
  rl.close();
})();
