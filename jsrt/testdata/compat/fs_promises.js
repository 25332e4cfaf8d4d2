// fs/promises and fs.promises with async/await.
const fsp = require('fs/promises');
const fs = require('fs');
const path = require('path');
const dir = path.join(process.env.COMPAT_TMP, 'fs_promises');
(async () => {
  console.log('mkdir returns first created', path.basename(await fsp.mkdir(path.join(dir, 'x', 'y'), { recursive: true })));
  await fsp.writeFile(path.join(dir, 'b.txt'), 'bbb');
  await fsp.writeFile(path.join(dir, 'a.json'), JSON.stringify({ v: 1 }));
  await fsp.appendFile(path.join(dir, 'b.txt'), Buffer.from('+more'));
  console.log('read', await fsp.readFile(path.join(dir, 'b.txt'), 'utf8'));
  console.log('json', JSON.parse(await fsp.readFile(path.join(dir, 'a.json'))).v);
  console.log('readdir', (await fsp.readdir(dir)).sort().join(','));
  const st = await fsp.stat(path.join(dir, 'x'));
  console.log('stat', st.isDirectory(), st.isFile());
  await fsp.rename(path.join(dir, 'b.txt'), path.join(dir, 'x', 'b2.txt'));
  console.log('after rename', (await fsp.readdir(path.join(dir, 'x'))).sort().join(','));
  await fsp.unlink(path.join(dir, 'a.json'));
  await fsp.access(path.join(dir, 'x', 'b2.txt'));
  console.log('access ok');
  try {
    await fsp.access(path.join(dir, 'a.json'));
  } catch (e) {
    console.log('access missing', e.code);
  }
  const fh = await fsp.open(path.join(dir, 'fh.txt'), 'w+');
  await fh.writeFile('through a handle');
  await fh.close();
  console.log('handle', await fsp.readFile(path.join(dir, 'fh.txt'), 'utf8'));
  await fsp.rm(dir, { recursive: true });
  console.log('gone', fs.existsSync(dir));
  console.log('same object', fs.promises === fsp);
})().catch((e) => { console.log('unexpected', e); process.exitCode = 2; });
