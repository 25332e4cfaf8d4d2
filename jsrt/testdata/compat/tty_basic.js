// tty under the corpus's pipes: isatty, process.stdout/stderr not TTYs,
// WriteStream/ReadStream on a pipe (allowed, as libuv allows), raw mode
// refused on a pipe, colour depth from an explicit environment, cursor
// escapes, and node's errors.
const tty = require('tty');
console.log('keys', Object.keys(tty).join());
console.log('isatty', tty.isatty(0), tty.isatty(1), tty.isatty(2), tty.isatty(-1), tty.isatty('1'), tty.isatty(1.5), tty.isatty());
console.log('stdout', process.stdout.isTTY, process.stderr.isTTY, process.stdout.columns, process.stdout.rows);
const ws = new tty.WriteStream(1);
console.log('WriteStream', ws.isTTY, ws.fd, ws.columns, ws.rows, ws instanceof require('events'), typeof ws.getWindowSize);
const envs = [{}, { TERM: 'dumb' }, { TERM: 'xterm' }, { TERM: 'xterm-256color' }, { COLORTERM: 'truecolor' },
  { TERM: 'screen' }, { FORCE_COLOR: '0' }, { FORCE_COLOR: '' }, { FORCE_COLOR: '2' }, { FORCE_COLOR: '3' },
  { NO_COLOR: '1', TERM: 'xterm' }, { TMUX: '1' }, { CI: '1' }, { CI: '1', GITHUB_ACTIONS: '1' },
  { TERM_PROGRAM: 'iTerm.app', TERM_PROGRAM_VERSION: '3.4' }, { TERM_PROGRAM: 'Apple_Terminal' },
  { TERM: 'konsole' }, { TERM: 'mosh' }, { COLORTERM: 'yes' }, { TEAMCITY_VERSION: '9.1.0' }];
for (const env of envs) console.log('depth', JSON.stringify(env), ws.getColorDepth(env), ws.hasColors(env), ws.hasColors(256, env));
console.log('hasColors count', ws.hasColors(2, {}), ws.hasColors(16, { TERM: 'xterm' }), ws.hasColors(17, { TERM: 'xterm' }));
try { ws.hasColors(1, {}); } catch (e) { console.log('hasColors 1', e.code, e.message); }
ws.cursorTo(3);
ws.cursorTo(2, 5);
ws.moveCursor(-2, 3);
ws.moveCursor(4, -1);
ws.clearLine(-1);
ws.clearLine(0);
ws.clearLine(1);
ws.clearScreenDown();
ws.write('\n');
const rs = new tty.ReadStream(1);
console.log('ReadStream', rs.isTTY, rs.isRaw, rs.fd);
try { rs.setRawMode(true); } catch (e) { console.log('setRawMode', e.message, e.code, e.errno, e.syscall); }
for (const fd of [-1, 1.5, 'x']) {
  try { new tty.WriteStream(fd); } catch (e) { console.log('bad fd', e.name, e.code, e.message); }
}
