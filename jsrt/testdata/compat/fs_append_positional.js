// On a descriptor opened for appending ('a', 'a+') Linux appends every
// write, even one given a position; reads at a position still read there.
const fs = require('fs');
const path = require('path');
const f = path.join(process.env.COMPAT_TMP, 'log');
fs.writeFileSync(f, 'hello');
const fd = fs.openSync(f, 'a');
console.log('string at 0', fs.writeSync(fd, 'XY', 0));
console.log('buffer at 1', fs.writeSync(fd, Buffer.from('--ZZ--'), 2, 2, 1));
console.log('no position', fs.writeSync(fd, '!'));
fs.closeSync(fd);
console.log(fs.readFileSync(f, 'utf8'));
const fd2 = fs.openSync(f, 'a+');
console.log('a+ at 0', fs.writeSync(fd2, 'Q', 0));
const b = Buffer.alloc(5);
console.log('read at 0', fs.readSync(fd2, b, 0, 5, 0), b.toString());
fs.write(fd2, 'W', 3, (e, n) => {
  console.log('callback', e, n);
  fs.closeSync(fd2);
  console.log(fs.readFileSync(f, 'utf8'));
});
