// minimist: flags, aliases, booleans, strings, the -- separator.
const minimist = require('minimist');
const a = minimist(['-x', '3', '-y', '4', '-n5', '-abc', '--beep=boop', 'foo', 'bar', 'baz', '--', '--not-a-flag'],
  { '--': true });
console.log(JSON.stringify(a));
const b = minimist(['--no-color', '-v', '--name', 'ada', '-h'], { boolean: ['v'], string: ['name'], alias: { h: 'help' }, default: { level: 2 } });
console.log(JSON.stringify(b));
