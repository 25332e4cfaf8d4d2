// path (posix): join, normalize, resolve from an absolute base, relative,
// dirname/basename/extname, parse/format, isAbsolute, sep, delimiter.
const path = require('path');
const show = (label, v) => console.log(label, JSON.stringify(v));
show('join', path.join('/a', 'b', '../c', './d', ''));
show('join empty', path.join());
show('join rel', path.join('a', '', 'b/', '..', 'c'));
show('normalize', path.normalize('/foo/bar//baz/asdf/quux/..'));
show('normalize dots', path.normalize('./a/../../b/.'));
show('normalize trailing', path.normalize('a/b/'));
show('resolve', path.resolve('/x/y', 'z', '../w'));
show('resolve abs reset', path.resolve('/a', '/b', 'c'));
show('relative', path.relative('/data/orandea/test/aaa', '/data/orandea/impl/bbb'));
show('relative same', path.relative('/a/b', '/a/b'));
show('relative child', path.relative('/a', '/a/b/c'));
show('dirname', [path.dirname('/a/b/c.txt'), path.dirname('a'), path.dirname('/'), path.dirname('/a/b/')]);
show('basename', [path.basename('/a/b/c.txt'), path.basename('/a/b/c.txt', '.txt'), path.basename('/a/b/'), path.basename('c.txt', 'txt')]);
show('extname', ['index.html', 'index.coffee.md', 'index.', 'index', '.index', '.index.md'].map((p) => path.extname(p)));
show('parse', path.parse('/home/user/dir/file.txt'));
show('parse rel', path.parse('file'));
show('format', path.format({ root: '/', dir: '/home/user/dir', base: 'file.txt' }));
show('format name ext', path.format({ name: 'f', ext: '.js' }));
show('isAbsolute', [path.isAbsolute('/x'), path.isAbsolute('x'), path.isAbsolute('')]);
show('sep', [path.sep, path.delimiter]);
show('posix', [path.posix === path, typeof path.win32.join]);
show('win32 join', path.win32.join('a', 'b'));
show('toNamespacedPath', path.toNamespacedPath('/a/b'));
