// glob: patterns, braces, dot files and ignore over a temporary tree.
const { globSync, glob } = require('glob');
const fs = require('fs'); const path = require('path'); const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glob-'));
for (const f of ['a.js', 'b.ts', 'src/c.js', 'src/d/e.js', 'src/d/.hidden.js', 'README.md']) {
  fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
  fs.writeFileSync(path.join(dir, f), f);
}
console.log(globSync('**/*.js', { cwd: dir }).sort().join(' '));
console.log(globSync('**/*.{js,ts}', { cwd: dir, dot: true, ignore: 'src/d/**' }).sort().join(' '));
glob('*', { cwd: dir, mark: true }).then((r) => { console.log(r.sort().join(' ')); fs.rmSync(dir, { recursive: true }); });
