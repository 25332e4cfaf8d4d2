// Every name node 20 lists in require('module').builtinModules (without
// the "_" ones): ebbnode must list exactly those it can require.
const names = ['assert', 'assert/strict', 'async_hooks', 'buffer', 'child_process', 'cluster',
  'console', 'constants', 'crypto', 'dgram', 'diagnostics_channel', 'dns', 'dns/promises',
  'domain', 'events', 'fs', 'fs/promises', 'http', 'http2', 'https', 'inspector',
  'inspector/promises', 'module', 'net', 'os', 'path', 'path/posix', 'path/win32',
  'perf_hooks', 'process', 'punycode', 'querystring', 'readline', 'readline/promises', 'repl',
  'stream', 'stream/consumers', 'stream/promises', 'stream/web', 'string_decoder', 'sys',
  'timers', 'timers/promises', 'tls', 'trace_events', 'tty', 'url', 'util', 'util/types', 'v8',
  'vm', 'wasi', 'worker_threads', 'zlib'];
const { builtinModules, isBuiltin } = require('module');
const listed = new Set(builtinModules);
for (const n of names) {
  let loads = true;
  try { require(n); } catch (e) { loads = false; }
  if (loads !== listed.has(n)) console.log(`${n}: loads ${loads}, listed ${listed.has(n)}`);
  if (loads !== isBuiltin(n)) console.log(`${n}: loads ${loads}, isBuiltin ${isBuiltin(n)}`);
}
for (const n of builtinModules) if (!names.includes(n)) console.log(`${n}: not a node 20 module`);
console.log('checked', names.length);
