// fs-extra: outputFile/Json, copy, move, emptyDir and remove on a temporary tree.
const fse = require('fs-extra'); const path = require('path'); const os = require('os');
(async () => {
  const dir = await fse.mkdtemp(path.join(os.tmpdir(), 'fse-'));
  await fse.outputFile(path.join(dir, 'a/b/c.txt'), 'deep');
  await fse.outputJson(path.join(dir, 'x.json'), { a: [1, 2] }, { spaces: 2 });
  console.log(await fse.readFile(path.join(dir, 'a/b/c.txt'), 'utf8'), JSON.stringify(await fse.readJson(path.join(dir, 'x.json'))));
  await fse.copy(path.join(dir, 'a'), path.join(dir, 'copy'));
  console.log(await fse.pathExists(path.join(dir, 'copy/b/c.txt')), fse.existsSync(path.join(dir, 'nope')));
  await fse.move(path.join(dir, 'x.json'), path.join(dir, 'moved/x.json'));
  console.log((await fse.readdir(dir)).sort().join(' '));
  await fse.emptyDir(path.join(dir, 'copy'));
  console.log((await fse.readdir(path.join(dir, 'copy'))).length);
  await fse.remove(dir);
  console.log(await fse.pathExists(dir));
})();
