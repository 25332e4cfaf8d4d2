// With stdin at end of file (the harness gives /dev/null), reading fd 0
// returns nothing and process.stdin ends without data.
const fs = require('fs');
console.log('readFileSync(0)', JSON.stringify(fs.readFileSync(0, 'utf8')));
let got = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (c) => { got += c; });
process.stdin.on('end', () => console.log('stdin end', JSON.stringify(got)));
