// dotenv: parsing quotes, comments, escapes and export lines.
const dotenv = require('dotenv');
const parsed = dotenv.parse('A=1\nB="two words"\n# comment\nC=\'single\'\nD=multi\\nline\nE="quoted\\nnewline"\nexport F=exported\n');
console.log(JSON.stringify(parsed));
