// The toLocaleString family and localeCompare, routed through Intl. The
// Intl module loads on the first call (load() returns its toLocale).
(function (load) {
  'use strict';
  let intl; // load()'s answer, kept: each call to it crosses into Go
  const lazy = () => intl || (intl = load());
  function methods(proto, defs) {
    for (const k of Object.keys(defs)) {
      Object.defineProperty(proto, k, { value: defs[k], writable: true, configurable: true, enumerable: false });
    }
  }
  const numberValue = Number.prototype.valueOf;
  const bigintValue = BigInt.prototype.valueOf;
  methods(Number.prototype, {
    toLocaleString() { return lazy().number(numberValue.call(this), arguments[0], arguments[1]); },
  });
  methods(BigInt.prototype, {
    toLocaleString() { return lazy().number(bigintValue.call(this), arguments[0], arguments[1]); },
  });
  methods(String.prototype, {
    localeCompare(that) {
      if (this === undefined || this === null) throw new TypeError('String.prototype.localeCompare called on null or undefined');
      return lazy().compare(String(this), String(that), arguments[1], arguments[2]);
    },
  });
  methods(Date.prototype, {
    toLocaleString() { return lazy().date(this, arguments[0], arguments[1], 'any', 'all'); },
    toLocaleDateString() { return lazy().date(this, arguments[0], arguments[1], 'date', 'date'); },
    toLocaleTimeString() { return lazy().date(this, arguments[0], arguments[1], 'time', 'time'); },
  });
  // Arrays being joined, so a cycle prints as '' as in V8.
  const active = new Set();
  function listToLocale(list, locales, options) {
    if (active.has(list)) return '';
    active.add(list);
    try {
      const len = list.length >>> 0;
      let out = '';
      for (let i = 0; i < len; i++) {
        if (i > 0) out += ',';
        const e = list[i];
        if (e !== undefined && e !== null) out += String(e.toLocaleString(locales, options));
      }
      return out;
    } finally {
      active.delete(list);
    }
  }
  methods(Array.prototype, {
    toLocaleString() { return listToLocale(Object(this), arguments[0], arguments[1]); },
  });
  methods(Object.getPrototypeOf(Uint8Array.prototype), {
    toLocaleString() { return listToLocale(this, arguments[0], arguments[1]); },
  });
})
