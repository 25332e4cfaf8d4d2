// path edge cases: '..' above the root, empty strings, repeated slashes,
// trailing slashes, dotfiles, format precedence.
const path = require('path');
const s = (...a) => JSON.stringify(a);
console.log(s(path.join('/', '..', 'a'), path.join('..', '..', 'a'), path.join('a', '../../..'), path.join('./', './')));
console.log(s(path.normalize('//a//b'), path.normalize('///'), path.normalize(''), path.normalize('.'), path.normalize('a/./b/../../..')));
console.log(s(path.resolve('/'), path.resolve('/a/b', '..', '..', '..'), path.resolve('/a', '', 'b')));
console.log(s(path.relative('/', '/a'), path.relative('/a', '/'), path.relative('/a/b', '/a/bc'), path.relative('/a/b/', '/a/b/c/')));
console.log(s(path.basename('/a/b//'), path.basename('//'), path.basename(''), path.basename('.hidden'), path.basename('a.js', 'a.js')));
console.log(s(path.extname('.a.b.'), path.extname('a..'), path.extname('/x.y/z'), path.extname('..'), path.extname('a/.b')));
console.log(s(path.dirname(''), path.dirname('//a'), path.dirname('a/b/'), path.dirname('/a//b')));
console.log(s(path.parse('/'), path.parse('./a.b/c.d.e')));
console.log(s(path.format({ dir: '/d', base: 'b.x', name: 'ignored', ext: '.ignored' }), path.format({ root: '/r/', name: 'n', ext: 'e' })));
console.log(s(path.isAbsolute('//x'), path.isAbsolute('./x'), path.posix.sep, path.posix.delimiter));
try { path.join(null); } catch (e) { console.log('join null', e.code); }
try { path.basename('/a', 5); } catch (e) { console.log('basename ext number', e.code); }
