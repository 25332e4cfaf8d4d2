// require('constants') (deprecated, still loaded by graceful-fs under
// fs-extra) merges os's and fs's constants; util/types is util.types;
// fs.constants is node's, in node's order.
const c = require('constants');
const fs = require('fs');
const os = require('os');
console.log(c.O_RDONLY, c.O_NONBLOCK, c.S_IRWXU, c.ENOENT, c.EACCES, c.SIGINT, c.SIGTERM, c.PRIORITY_LOW, c.RTLD_LAZY, c.S_IFMT);
console.log(c.ENOENT === os.constants.errno.ENOENT, c.O_CREAT === fs.constants.O_CREAT);
console.log(JSON.stringify(fs.constants));
console.log(require('util/types') === require('util').types, require('node:util/types').isUint8Array(new Uint8Array(1)));
console.log(require('module').isBuiltin('constants'), require('module').isBuiltin('util/types'));
