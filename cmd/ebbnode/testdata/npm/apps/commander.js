// commander: subcommands, options with defaults and parsers, help text.
const { Command, Option } = require('commander');
const program = new Command();
program.name('tool').description('a demo CLI').version('1.2.3').exitOverride();
program.command('greet <name>')
  .option('-t, --times <n>', 'repeat', (v) => parseInt(v, 10), 1)
  .addOption(new Option('-c, --color <c>').choices(['red', 'blue']).default('red'))
  .action((name, opts) => {
    for (let i = 0; i < opts.times; i++) console.log(`hello ${name} (${opts.color})`);
  });
program.command('sum').argument('<nums...>').action((nums) => {
  console.log('sum', nums.map(Number).reduce((a, b) => a + b, 0));
});
program.parse(['node', 'tool', 'greet', 'ada', '-t', '2', '--color', 'blue']);
program.parse(['node', 'tool', 'sum', '1', '2', '39']);
program.configureOutput({ writeOut: (s) => console.log('[out]' + s.trimEnd()), writeErr: (s) => console.log('[err]' + s.trimEnd()) });
try { program.parse(['node', 'tool', 'greet', 'bob', '--color', 'green']); } catch (e) { console.log('error code', e.code); }
try { program.parse(['node', 'tool', '--help']); } catch (e) { console.log('help code', e.code); }
