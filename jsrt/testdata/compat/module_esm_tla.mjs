// An ES module entry with top-level await: awaits in sequence with
// timers, for await at the top level, import() of a module that awaits
// too, static imports (ESM, CommonJS, core), and an uncaught rejection
// at the top level (exit 1).
// exit: 1
import { setTimeout as sleep } from 'node:timers/promises';
import path from 'node:path';
import greet from './fixtures/esm/lib.mjs';
import cjs from './fixtures/esm/cjs.cjs';

console.log('start', greet('tla'), cjs.other);
process.on('exit', (code) => console.log('exit', code));
const order = [];
setTimeout(() => order.push('timer'), 1);
await sleep(20);
order.push('after sleep');
console.log(order.join(', '));
for await (const x of [Promise.resolve('a'), 'b', sleep(5, 'c')]) console.log('item', x);
const mod = await import('./fixtures/esm/tla.mjs');
console.log('awaited module', mod.v, Object.keys(mod).join(','));
const all = await Promise.all([1, 2, 3].map(async (n) => (await sleep(n), n * n)));
console.log('all', all.join(' '), path.basename(import.meta.filename));
try {
  await Promise.reject(new Error('caught at top level'));
} catch (e) {
  console.log(e.message);
}
await Promise.reject(new Error('uncaught at top level'));
console.log('not reached');
