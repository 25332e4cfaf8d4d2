// The empty path is not the working directory: node fails with ENOENT and
// names the path as ''.
const fs = require('fs');
const show = (name, fn) => {
  try {
    console.log(name, 'ok', fn());
  } catch (e) {
    console.log(name, e.code, e.syscall, e.message, JSON.stringify(e.path));
  }
};
show('readFile', () => fs.readFileSync(''));
show('writeFile', () => fs.writeFileSync('', 'x'));
show('stat', () => fs.statSync(''));
show('readdir', () => fs.readdirSync(''));
show('exists', () => fs.existsSync(''));
show('open', () => fs.openSync('', 'r'));
show('mkdir', () => fs.mkdirSync(''));
fs.readFile('', (e) => console.log('callback', e.code, e.syscall, JSON.stringify(e.path)));
