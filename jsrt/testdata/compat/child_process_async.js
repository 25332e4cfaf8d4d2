// child_process async forms with real processes: spawn's events and
// stdio, stdin writes, exec/execFile callbacks and promisify, kill, and
// spawn failures as 'error' events. One child at a time, so the order of
// events across children is node's too.
const cp = require('child_process');
const util = require('util');
const steps = [];
const next = () => { const s = steps.shift(); if (s) s(); };

steps.push(() => {
  const child = cp.spawn('sh', ['-c', 'echo one; echo two >&2; exit 5']);
  const got = { out: '', err: '' };
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (d) => { got.out += d; });
  child.stderr.on('data', (d) => { got.err += d.toString(); });
  child.on('spawn', () => console.log('spawned', typeof child.pid, child.spawnfile, child.spawnargs));
  child.on('close', (code, signal) => {
    console.log('close', code, signal, JSON.stringify(got), child.exitCode, child.signalCode, child.killed);
    next();
  });
});
steps.push(() => {
  const child = cp.spawn('cat');
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stdin.write('hello ');
  child.stdin.write(Buffer.from('cat'));
  child.stdin.end('\n');
  child.on('close', (code) => { console.log('cat', code, JSON.stringify(out)); next(); });
});
steps.push(() => {
  const child = cp.spawn('sleep', ['10']);
  child.on('exit', (code, signal) => console.log('exit after kill', code, signal, child.killed));
  child.on('close', () => next());
  console.log('kill', child.kill());
});
steps.push(() => {
  const child = cp.spawn('nonexistent-cmd-x', ['z']);
  console.log('pid of failed', child.pid, typeof child.stdout);
  child.on('error', (err) => console.log('error', err.message, err.code, err.errno, err.syscall, err.path, err.spawnargs, Object.keys(err).join()));
  child.on('exit', () => console.log('no exit event expected'));
  child.on('close', (code, signal) => { console.log('close after error', code, signal); next(); });
});
steps.push(() => {
  cp.exec('echo exec out; echo exec err >&2', (err, stdout, stderr) => {
    console.log('exec', err, JSON.stringify(stdout), JSON.stringify(stderr));
    next();
  });
});
steps.push(() => {
  cp.exec('echo o; echo e >&2; exit 7', (err, stdout, stderr) => {
    console.log('exec fails', JSON.stringify(err.message), Object.keys(err).join(), err.code, err.killed, err.signal, err.cmd, JSON.stringify(stdout));
    next();
  });
});
steps.push(() => {
  cp.execFile('echo', ['x', 'y'], { encoding: 'buffer' }, (err, stdout) => {
    console.log('execFile buffer', err, stdout);
    cp.execFile('nonexistent-cmd-x', ['q'], (err2) => {
      console.log('execFile missing', err2.code, err2.cmd, Object.keys(err2).join());
      next();
    });
  });
});
steps.push(async () => {
  const { stdout, stderr } = await util.promisify(cp.exec)('echo promised');
  console.log('promisify exec', JSON.stringify(stdout), JSON.stringify(stderr));
  try {
    await util.promisify(cp.execFile)('sh', ['-c', 'exit 2']);
  } catch (err) {
    console.log('promisify rejects', err.code, JSON.stringify(err.stdout));
  }
  next();
});
steps.push(() => {
  cp.exec('sleep 5', { timeout: 50 }, (err) => {
    console.log('exec timeout', err.killed, err.signal, err.code);
    next();
  });
});
next();
