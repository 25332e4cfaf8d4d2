// child_process stdio are streams: stdin a Writable (piped into from a Readable),
// stdout/stderr Readables (setEncoding, pipeline through a Transform); output
// nobody reads is drained at exit so 'close' still comes.
const cp = require('child_process');
const stream = require('stream');
const c = cp.spawn('sh', ['-c', 'cat; echo err >&2']);
console.log('instances', c.stdin instanceof stream.Writable, c.stdout instanceof stream.Readable,
  c.stderr instanceof stream.Readable, c.stdout.readableFlowing);
const events = [];
let exitCode;
c.on('exit', (code) => { exitCode = code; });
c.stdout.on('end', () => events.push('stdout end'));
c.stdin.on('finish', () => events.push('stdin finish'));
c.on('close', (code) => {
  events.push(`close ${code}`);
  // 'exit' and the end of stdout race (as in node): only their results are printed.
  console.log(events.join(', '), 'exit', exitCode);
  unread();
});
c.stdout.setEncoding('utf8');
let text = '';
c.stdout.on('data', (d) => { text += d; });
c.stdout.on('end', () => console.log('cat gave back', JSON.stringify(text)));
stream.Readable.from(['line one\n', 'line two\n']).pipe(c.stdin);
function unread() {
  // Output nobody reads is drained at exit, so 'close' still comes.
  const u = cp.spawn('sh', ['-c', 'echo hi; echo err >&2']);
  u.on('close', (code) => {
    console.log('unread close', code, u.stdout.readableEnded, u.stderr.readableEnded);
    piped();
  });
}
function piped() {
  const p = cp.spawn('sh', ['-c', 'printf "a\\nb\\nc\\n"']);
  const lines = [];
  const upper = new stream.Transform({ transform(ch, e, cb) { cb(null, String(ch).toUpperCase()); } });
  stream.pipeline(p.stdout, upper, new stream.Writable({ write(ch, e, cb) { lines.push(String(ch)); cb(); } }), (err) => {
    console.log('pipeline', err, JSON.stringify(lines.join('')));
  });
}
