// args: alpha "two words" --flag=1 -x
// env: COMPAT_FOO=bar COMPAT_EMPTY= COMPAT_EQ=a=b
// argv: [execPath, script, ...args]; env values are strings; assignment
// converts to string; delete removes.
const path = require('path');
console.log('argc', process.argv.length);
console.log('script', path.basename(process.argv[1]), path.isAbsolute(process.argv[1]));
console.log('args', JSON.stringify(process.argv.slice(2)));
console.log('argv0 type', typeof process.argv0, typeof process.execPath);
console.log('FOO', process.env.COMPAT_FOO);
console.log('EMPTY', JSON.stringify(process.env.COMPAT_EMPTY));
console.log('EQ', process.env.COMPAT_EQ);
console.log('unset', process.env.COMPAT_NOT_SET, 'COMPAT_NOT_SET' in process.env);
process.env.COMPAT_NUM = 42;
console.log('assigned', typeof process.env.COMPAT_NUM, process.env.COMPAT_NUM);
delete process.env.COMPAT_NUM;
console.log('deleted', process.env.COMPAT_NUM);
console.log('keys', Object.keys(process.env).filter((k) => k.startsWith('COMPAT_') && k !== 'COMPAT_TMP').sort().join(','));
console.log('tmp set', typeof process.env.COMPAT_TMP, path.isAbsolute(process.env.COMPAT_TMP));
console.log('cwd', path.basename(process.cwd()));
console.log('platform', process.platform, typeof process.pid, typeof process.version, process.version.startsWith('v'));
console.log('versions', typeof process.versions, typeof process.versions.node);
console.log('title type', typeof process.title, 'arch type', typeof process.arch);
console.log('execArgv', JSON.stringify(process.execArgv));
