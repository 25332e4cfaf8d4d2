// Reads all of stdin, then reports.
let n = 0;
const chunks = [];
process.stdin.setEncoding('utf8');
process.stdin.on('data', (c) => { n++; chunks.push(c); });
process.stdin.on('end', () => console.log('got', JSON.stringify(chunks.join('')), n > 0));
