// notes.js: keeps notes in notes.txt in the working directory. Booted as an
// image, its file access is served by the ebbnode process on the host and
// confined to the granted directory (by default the working directory).
//
//   ebbnode run examples/notes.js -- buy milk     # adds a note
//   ebbnode run examples/notes.js                 # lists them
//   echo "from stdin" | ebbnode run examples/notes.js -- -
const fs = require('fs');
const path = require('path');

const file = path.join(process.cwd(), 'notes.txt');
let note = process.argv.slice(2).join(' ');
if (note === '-') note = fs.readFileSync(0, 'utf8').trim();
if (note) fs.appendFileSync(file, note + '\n');

const notes = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
notes.forEach((n, i) => console.log(`${i + 1}. ${n}`));
if (notes.length === 0) console.log('no notes yet');
