// Callback fs API: the same round trip with node-style (err, value)
// callbacks, sequenced by nesting.
const fs = require('fs');
const path = require('path');
const dir = path.join(process.env.COMPAT_TMP, 'fs_callback');
const f = path.join(dir, 'data.txt');
fs.mkdir(path.join(dir, 'sub', 'deeper'), { recursive: true }, (err) => {
  console.log('mkdir', err);
  fs.writeFile(f, 'line1\n', (err) => {
    console.log('writeFile', err);
    fs.appendFile(f, 'line2\n', 'utf8', (err) => {
      console.log('appendFile', err);
      fs.readFile(f, 'utf8', (err, data) => {
        console.log('readFile', err, JSON.stringify(data));
        fs.stat(f, (err, st) => {
          console.log('stat', err, st.size, st.isFile());
          fs.readdir(dir, (err, names) => {
            console.log('readdir', err, names.sort().join(','));
            fs.rename(f, path.join(dir, 'sub', 'r.txt'), (err) => {
              console.log('rename', err);
              fs.readFile(path.join(dir, 'sub', 'r.txt'), (err, buf) => {
                console.log('readFile buffer', err, Buffer.isBuffer(buf), buf.length);
                fs.unlink(path.join(dir, 'sub', 'r.txt'), (err) => {
                  console.log('unlink', err);
                  fs.rm(dir, { recursive: true }, (err) => {
                    console.log('rm', err, fs.existsSync(dir));
                    fs.readFile(f, (err, data) => console.log('read after rm', err.code, data));
                  });
                });
              });
            });
          });
        });
      });
    });
  });
});
console.log('sync part done first');
