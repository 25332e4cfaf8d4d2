// chalk 5 (ESM-only): levels forced, so the escapes are deterministic.
import chalk, { Chalk } from 'chalk';
const c = new Chalk({ level: 3 });
console.log(JSON.stringify(c.red.bold('error') + ' ' + c.hex('#ff8800').underline('orange') + ' ' + c.bgBlue.white('x')));
console.log(JSON.stringify(new Chalk({ level: 1 }).green('sixteen')));
console.log(JSON.stringify(new Chalk({ level: 0 }).green('plain')));
console.log(typeof chalk.level, chalk.level >= 0);
