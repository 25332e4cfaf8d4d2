// child_process sync forms with real processes (sh, cat): results,
// encodings, input, cwd/env, exit status and signals, and node's errors.
const cp = require('child_process');
const keys = (o) => Object.keys(o).join();
console.log('exports', keys(cp));
const r = cp.spawnSync('sh', ['-c', 'echo out; echo err >&2; exit 3']);
console.log('spawnSync', keys(r), r.status, r.signal, r.stdout, r.stderr.toString(), r.output.length, r.output[0], typeof r.pid);
const t = cp.spawnSync('cat', { input: 'fed through stdin', encoding: 'utf8' });
console.log('input', JSON.stringify(t.stdout), t.status);
console.log('cwd', cp.spawnSync('pwd', { cwd: '/', encoding: 'utf8' }).stdout.trim());
console.log('env', cp.spawnSync('sh', ['-c', 'echo $FOO'], { env: { FOO: 'bar', PATH: process.env.PATH }, encoding: 'latin1' }).stdout);
console.log('shell', cp.spawnSync('echo $((6 * 7))', { shell: true, encoding: 'utf8' }).stdout);
const k = cp.spawnSync('sh', ['-c', 'kill -TERM $$']);
console.log('signal', k.status, k.signal);
const to = cp.spawnSync('sleep', ['5'], { timeout: 50, killSignal: 'SIGKILL' });
console.log('timeout', to.status, to.signal);
const ig = cp.spawnSync('sh', ['-c', 'echo hidden'], { stdio: 'ignore' });
console.log('ignore', ig.stdout, ig.output);
const e = cp.spawnSync('nonexistent-cmd-x', ['a']);
console.log('missing', keys(e), e.error.message, e.error.code, e.error.errno, e.error.syscall, e.error.path, e.error.spawnargs, keys(e.error), e.pid, e.output);
console.log('execSync', JSON.stringify(cp.execSync('echo hi').toString()), JSON.stringify(cp.execSync('printf "%s" x y', { encoding: 'utf8' })));
console.log('execFileSync', cp.execFileSync('echo', ['a', 'b'], { encoding: 'utf8' }).trim(), cp.execFileSync('cat', { input: 'in' }).toString());
try {
  cp.execSync('echo partial; echo bad >&2; exit 2', { stdio: 'pipe' });
} catch (err) {
  console.log('execSync fails', JSON.stringify(err.message), keys(err), err.status, err.stdout.toString(), err.stderr.toString());
}
try {
  cp.execFileSync('sh', ['-c', 'exit 4'], { stdio: 'pipe' });
} catch (err) {
  console.log('execFileSync fails', JSON.stringify(err.message), err.status, err.signal);
}
try { cp.execFileSync('nonexistent-cmd-x'); } catch (err) { console.log('execFileSync missing', err.message, keys(err)); }
function show(label, fn) {
  try { console.log(label, fn()); } catch (err) { console.log(label, err.name, err.code, err.message); }
}
show('file type', () => cp.spawnSync(5));
show('empty file', () => cp.spawnSync(''));
show('args type', () => cp.spawnSync('echo', 5));
show('command type', () => cp.execSync(5));
show('fork', () => typeof cp.fork);
show('ChildProcess', () => typeof cp.ChildProcess);
