// node's global console, over util.format/util.inspect and the Go writers
// (see console.go).
(function (global, binding) {
'use strict';

const util = binding.require('util');
const counts = new Map();
const timers = new Map();
let indent = '';

// peeks holds, per fd, the function that returns process.stdout or
// stderr once a script has made it (prelude.js): console writes through
// the stream then, so cork() and a replaced write() see console output as
// in node; before, straight to the fd.
const peeks = [];
const kPeek = Symbol.for('ebbnode.stdio.peek');

function stdioStream(fd) {
  if (peeks[fd] === undefined) {
    const p = global.process;
    if (!p) return undefined;
    const d = Object.getOwnPropertyDescriptor(p, fd === 1 ? 'stdout' : 'stderr');
    peeks[fd] = (d && d.get && d.get[kPeek]) || null;
  }
  return peeks[fd] === null ? undefined : peeks[fd]();
}

function out(fd, text) {
  if (indent !== '') text = indent + text.split('\n').join('\n' + indent);
  const s = stdioStream(fd);
  if (s !== undefined) s.write(text + '\n');
  else binding.write(fd, text + '\n');
}

function formatTime(ms) {
  if (ms >= 1000) {
    const s = ms / 1000;
    if (s >= 60) return (s / 60).toFixed(3) + 'min';
    return s.toFixed(3) + 's';
  }
  return Number(ms.toFixed(3)) + 'ms';
}

const console = {
  log(...args) { out(1, util.format(...args)); },
  info(...args) { out(1, util.format(...args)); },
  debug(...args) { out(1, util.format(...args)); },
  error(...args) { out(2, util.format(...args)); },
  warn(...args) { out(2, util.format(...args)); },
  dir(obj, options) { out(1, util.inspect(obj, Object.assign({ customInspect: false }, options))); },
  dirxml(...args) { out(1, util.format(...args)); },
  trace(...args) {
    const err = new Error(util.format(...args));
    err.name = 'Trace';
    const lines = String(err.stack).split('\n');
    lines[0] = 'Trace' + (args.length ? ': ' + util.format(...args) : '');
    out(2, lines.map((l, i) => (i === 0 ? l : '    ' + l.trim())).join('\n'));
  },
  assert(ok, ...args) {
    if (ok) return;
    if (args.length === 0) out(2, 'Assertion failed');
    else if (typeof args[0] === 'string') out(2, 'Assertion failed: ' + util.format(...args));
    else out(2, 'Assertion failed ' + util.format(...args));
  },
  count(label = 'default') {
    label = String(label);
    const n = (counts.get(label) || 0) + 1;
    counts.set(label, n);
    out(1, label + ': ' + n);
  },
  countReset(label = 'default') { counts.delete(String(label)); },
  group(...args) {
    if (args.length > 0) out(1, util.format(...args));
    indent += '  ';
  },
  groupEnd() { indent = indent.slice(0, indent.length - 2); },
  time(label = 'default') {
    label = String(label);
    if (timers.has(label)) {
      process.emitWarning("Label '" + label + "' already exists for console.time()");
      return;
    }
    timers.set(label, process.hrtime.bigint());
  },
  timeEnd(label = 'default') {
    label = String(label);
    if (!printTime(label, [])) return;
    timers.delete(label);
  },
  timeLog(label = 'default', ...data) { printTime(String(label), data); },
  table(data, properties) { table(data, properties); },
};
console.groupCollapsed = console.group;

// table is node 20's console.table: an (index) column, one column per key
// in order of first appearance, and "Values" for primitive rows; cells are
// util.inspect'ed and left-aligned.
function table(data, properties) {
  if (data === null || typeof data !== 'object') {
    out(1, util.format(data));
    return;
  }
  const cell = (v) => {
    const depth = v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 2 ? -1 : 0;
    return util.inspect(v, { depth, maxArrayLength: 3, breakLength: Infinity });
  };
  const keys = [];
  const rows = [];
  let hasValues = false;
  const entries = data instanceof Map ? [...data.entries()] : Object.entries(data);
  for (const [k, row] of entries) {
    const r = { index: String(k), cells: {}, value: undefined, primitive: false };
    if (row !== null && typeof row === 'object') {
      for (const key of Object.keys(row)) {
        if (properties && !properties.includes(key)) continue;
        if (!keys.includes(key)) keys.push(key);
        r.cells[key] = cell(row[key]);
      }
    } else {
      r.primitive = true;
      r.value = cell(row);
      hasValues = true;
    }
    rows.push(r);
  }
  if (properties) {
    for (const key of properties) if (!keys.includes(key)) keys.push(key);
    keys.sort((a, b) => properties.indexOf(a) - properties.indexOf(b));
  }
  const header = ['(index)', ...keys];
  if (hasValues) header.push('Values');
  const body = rows.map((r) => {
    const line = [r.index, ...keys.map((k) => (k in r.cells ? r.cells[k] : ''))];
    if (hasValues) line.push(r.primitive ? r.value : '');
    return line;
  });
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((l) => l[i].length)) + 2);
  const rule = (l, m, r) => l + widths.map((w) => '─'.repeat(w)).join(m) + r;
  const row = (cells) => '│' + cells.map((c, i) => ' ' + c + ' '.repeat(widths[i] - c.length - 1)).join('│') + '│';
  const lines = [rule('┌', '┬', '┐'), row(header), rule('├', '┼', '┤')];
  for (const l of body) lines.push(row(l));
  lines.push(rule('└', '┴', '┘'));
  out(1, lines.join('\n'));
}

function printTime(label, data) {
  const start = timers.get(label);
  if (start === undefined) {
    process.emitWarning("No such label '" + label + "' for console.time" + (data ? 'End()' : 'Log()'));
    return false;
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  out(1, label + ': ' + formatTime(ms) + (data.length ? ' ' + util.format(...data) : ''));
  return true;
}

Object.defineProperty(global, 'console', { value: console, writable: true, enumerable: false, configurable: true });
return console;
})
