// yargs (ESM-only major): commands, options, coercion, validation failure.
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
const argv = await yargs(['serve', '--port', '8080', '--verbose', '-x', 'a', '-x', 'b'])
  .command('serve', 'start the server', (y) => y.option('port', { type: 'number', default: 80 }))
  .option('verbose', { type: 'boolean' })
  .option('x', { type: 'array' })
  .strict().parse();
console.log(JSON.stringify({ cmd: argv._, port: argv.port, verbose: argv.verbose, x: argv.x }));
console.log(hideBin(['node', 'script', 'a', 'b']));
const out = [];
await yargs(['--num', 'oops']).option('num', { type: 'number', demandOption: true })
  .check((a) => { if (Number.isNaN(a.num)) throw new Error('num must be a number'); return true; })
  .fail((msg) => { out.push('fail: ' + msg); }).parse();
console.log(out.join('\n'));
