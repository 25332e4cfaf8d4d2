'use strict';
// node's perf_hooks: performance.now/timeOrigin/mark/measure and entries.

const errors = require('internal/errors');
const customInspect = Symbol.for('nodejs.util.inspect.custom');
const now = internal.now;

class PerformanceEntry {
  constructor(name, entryType, startTime, duration, detail) {
    this.name = name;
    this.entryType = entryType;
    this.startTime = startTime;
    this.duration = duration;
    if (detail !== undefined) this.detail = detail;
  }
  toJSON() {
    return { name: this.name, entryType: this.entryType, startTime: this.startTime, duration: this.duration, detail: this.detail };
  }
}

class PerformanceMark extends PerformanceEntry {
  constructor(name, options = {}) {
    const start = options.startTime !== undefined ? options.startTime : now();
    super(`${name}`, 'mark', start, 0, options.detail === undefined ? null : options.detail);
  }
}

class PerformanceMeasure extends PerformanceEntry {}

const entries = [];
const observers = new Set();

function notify(entry) {
  for (const o of observers) {
    if (o.types.has(entry.entryType)) o.deliver(entry);
  }
}

function markTime(name, which) {
  if (name === undefined) return which === 'start' ? 0 : now();
  if (typeof name === 'number') return name;
  for (let i = entries.length - 1; i >= 0; i--) {
    if (entries[i].entryType === 'mark' && entries[i].name === name) return entries[i].startTime;
  }
  // node throws a DOMException named SyntaxError (legacy code 12).
  const err = new SyntaxError(`The "${name}" performance mark has not been set`);
  Object.defineProperty(err, 'code', { value: 12, enumerable: false, configurable: true, writable: true });
  throw err;
}

class Performance {
  get timeOrigin() { return internal.timeOrigin; }
  now() { return now(); }
  mark(name, options) {
    const m = new PerformanceMark(name, options);
    entries.push(m);
    notify(m);
    return m;
  }
  measure(name, startOrOptions, endMark) {
    let start, end, detail = null;
    if (startOrOptions !== null && typeof startOrOptions === 'object') {
      start = markTime(startOrOptions.start, 'start');
      end = startOrOptions.end !== undefined ? markTime(startOrOptions.end, 'end') :
        (startOrOptions.duration !== undefined ? start + startOrOptions.duration : now());
      if (startOrOptions.detail !== undefined) detail = startOrOptions.detail;
    } else {
      start = markTime(startOrOptions, 'start');
      end = markTime(endMark, 'end');
    }
    const m = new PerformanceMeasure(`${name}`, 'measure', start, end - start, detail);
    entries.push(m);
    notify(m);
    return m;
  }
  clearMarks(name) { clear('mark', name); }
  clearMeasures(name) { clear('measure', name); }
  getEntries() { return entries.slice().sort((a, b) => a.startTime - b.startTime); }
  getEntriesByName(name, type) {
    return this.getEntries().filter((e) => e.name === name && (type === undefined || e.entryType === type));
  }
  getEntriesByType(type) { return this.getEntries().filter((e) => e.entryType === type); }
  eventLoopUtilization() { return { idle: 0, active: 0, utilization: 0 }; }
  timerify(fn) {
    errors.validateFunction(fn, 'fn');
    const self = this;
    return function timerified(...args) {
      const start = self.now();
      const r = new.target ? Reflect.construct(fn, args, new.target) : Reflect.apply(fn, this, args);
      notify(new PerformanceEntry(fn.name, 'function', start, self.now() - start));
      return r;
    };
  }
  toJSON() { return { nodeTiming: {}, timeOrigin: this.timeOrigin, eventLoopUtilization: this.eventLoopUtilization() }; }
  [customInspect](depth, options, inspect) {
    return `Performance ${inspect({ timeOrigin: this.timeOrigin }, options)}`;
  }
}

function clear(type, name) {
  for (let i = entries.length - 1; i >= 0; i--) {
    if (entries[i].entryType === type && (name === undefined || entries[i].name === name)) entries.splice(i, 1);
  }
}

class PerformanceObserverEntryList {
  #list;
  constructor(list) { this.#list = list; }
  getEntries() { return this.#list.slice(); }
  getEntriesByName(name, type) {
    return this.#list.filter((e) => e.name === name && (type === undefined || e.entryType === type));
  }
  getEntriesByType(type) { return this.#list.filter((e) => e.entryType === type); }
}

class PerformanceObserver {
  #callback;
  #buffer = [];
  #scheduled = false;
  constructor(callback) {
    errors.validateFunction(callback, 'callback');
    this.#callback = callback;
    this.types = new Set();
  }
  static get supportedEntryTypes() { return ['function', 'mark', 'measure']; }
  observe(options = {}) {
    const list = options.entryTypes || (options.type ? [options.type] : []);
    for (const t of list) this.types.add(t);
    observers.add(this);
  }
  disconnect() { observers.delete(this); this.#buffer = []; }
  takeRecords() { const r = this.#buffer; this.#buffer = []; return r; }
  deliver(entry) {
    this.#buffer.push(entry);
    if (this.#scheduled) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      const list = this.takeRecords();
      if (list.length) this.#callback(new PerformanceObserverEntryList(list), this);
    });
  }
}

const performance = new Performance();

module.exports = {
  Performance,
  PerformanceEntry,
  PerformanceMark,
  PerformanceMeasure,
  PerformanceObserver,
  PerformanceObserverEntryList,
  performance,
  constants: {
    NODE_PERFORMANCE_GC_MAJOR: 4, NODE_PERFORMANCE_GC_MINOR: 1,
    NODE_PERFORMANCE_GC_INCREMENTAL: 8, NODE_PERFORMANCE_GC_WEAKCB: 16,
  },
};
