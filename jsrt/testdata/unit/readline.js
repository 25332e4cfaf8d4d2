// readline over stdin: question() answers, then close.
const rl = require('readline').createInterface({ input: process.stdin, output: process.stdout });
rl.question('name? ', (a) => { console.log('hi', a); rl.question('age? ', (b) => { console.log('age', b); rl.close(); }); });
rl.on('close', () => console.log('closed'));
