// Event order of Readable, Writable and Duplex: data/end/close, finish,
// destroy with and without an error, the 'readable' event and read().
const { Readable, Writable, Duplex } = require('stream');
const log = (...a) => console.log(...a);

const r = new Readable({ read() {} });
for (const ev of ['end', 'close', 'pause', 'resume']) r.on(ev, () => log('r', ev));
r.on('data', (c) => log('r data', String(c)));
r.push('a');
r.push('b');
r.push(null);
log('sync: flowing', r.readableFlowing, 'length', r.readableLength);

const w = new Writable({ write(c, e, cb) { log('w write', String(c)); cb(); } });
for (const ev of ['finish', 'close', 'prefinish']) w.on(ev, () => log('w', ev));
w.write('1', () => log('w cb 1'));
w.end('2', () => log('w end cb'));
log('w ended', w.writableEnded, 'finished', w.writableFinished);

const d = new Readable({ read() {} });
d.on('error', (e) => log('d error', e.message, d.destroyed, d.errored === e));
d.on('close', () => log('d close', d.closed));
d.destroy(new Error('boom'));
log('d destroyed', d.destroyed);

const p = new Readable({ read() {} });
p.on('readable', () => {
  let chunk;
  while ((chunk = p.read()) !== null) log('p read', String(chunk));
});
p.on('end', () => log('p end'));
p.push('x');
p.push('yz');
setImmediate(() => p.push(null));

const dup = new Duplex({
  read() { this.push('from-read'); this.push(null); },
  write(c, e, cb) { log('dup write', String(c)); cb(); },
});
dup.on('data', (c) => log('dup data', String(c)));
dup.on('end', () => log('dup end'));
dup.on('finish', () => log('dup finish'));
dup.on('close', () => log('dup close'));
dup.end('to-write');

const ww = new Writable({ write(c, e, cb) { cb(new Error('write failed')); } });
ww.on('error', (e) => log('ww error', e.message));
ww.on('close', () => log('ww close'));
ww.write('z', (err) => log('ww cb', err && err.message));
log('instanceof', dup instanceof Writable, dup instanceof Readable, w instanceof Readable);
