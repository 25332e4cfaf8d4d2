const path = require('path');
const cases = ['', '.', '..', '/', '//', '///a//b/', 'a/b/../c', '/a/./b/../../..', 'a/../..', './a/', 'foo/bar.txt', '.bashrc', 'a.b.c', '/x/y.tar.gz', 'file.', '..', 'a/..', 'dir/', '/a/b/c/'];
for (const c of cases) {
  console.log(JSON.stringify([c, path.normalize(c), path.dirname(c), path.basename(c), path.extname(c), path.basename(c, '.txt'), path.isAbsolute(c), path.parse(c)]));
}
console.log(path.join('/a', 'b', '../c', './d'), path.join(), path.join('', ''), path.join('a', '', 'b/'));
console.log(path.resolve('/foo/bar', './baz'), path.resolve('/foo/bar', '/tmp/file/'), path.resolve('a', 'b') === process.cwd() + '/a/b');
console.log(path.relative('/data/orandea/test/aaa', '/data/orandea/impl/bbb'), path.relative('/a', '/a/b/c'), path.relative('/a/b', '/a'), path.relative('/', '/x'));
console.log(path.format({root: '/ignored', dir: '/home/user/dir', base: 'file.txt'}), path.format({root: '/', base: 'file.txt', ext: 'ignored'}), path.format({root: '/', name: 'file', ext: '.txt'}), path.format({name: 'x', ext: 'js'}));
console.log(path.sep, path.delimiter, path.posix === path, path.basename('/a/b.html', '.html'), path.basename('aaa/bbb', 'bbb'), path.basename('a.js', 'a.js'));
try { path.join(1) } catch (e) { console.log(e.code, e.message) }
try { path.basename(null) } catch (e) { console.log(e.code, e.message) }
