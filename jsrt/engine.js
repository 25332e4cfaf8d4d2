// Where goja's built-ins differ from V8's in what a script can see, these
// replacements make them agree. engine.go runs this once per runtime,
// before the prelude, with `binding`, its Go half (jsrt/internal/engine).
(function (global, binding) {
'use strict';

function replaceMethod(obj, name, fn) {
  Object.defineProperty(obj, name, { value: fn, writable: true, enumerable: false, configurable: true });
}

// JSON.parse errors in V8's words ("Unexpected end of JSON input",
// "Expected ',' or '}' after property value in JSON at position 9"); goja
// reports encoding/json's. Worked out only once goja has failed.
const jsonParse = JSON.parse;
replaceMethod(JSON, 'parse', {
  parse(text, reviver) {
    const s = typeof text === 'string' ? text : `${text}`;
    try {
      return jsonParse(s, reviver);
    } catch (e) {
      if (e instanceof SyntaxError) {
        const msg = binding.jsonMessage(s);
        if (msg !== '') throw new SyntaxError(msg);
      }
      throw e;
    }
  },
}.parse);

// Date#toString names the zone as V8 does ("Coordinated Universal Time",
// "Central European Summer Time"); goja prints Go's abbreviation.
for (const name of ['toString', 'toTimeString']) {
  const orig = Date.prototype[name];
  replaceMethod(Date.prototype, name, {
    [name]() {
      const s = orig.call(this);
      const i = s.lastIndexOf(' (');
      if (i < 0) return s; // Invalid Date
      return `${s.slice(0, i)} (${binding.zoneName(this.getTime())})`;
    },
  }[name]);
}

// Promise.any as the spec writes it, but its AggregateError carries V8's
// message; goja's has none.
replaceMethod(Promise, 'any', {
  any(iterable) {
    const C = this;
    let resolve, reject;
    const promise = new C((res, rej) => { resolve = res; reject = rej; });
    const fail = (errors) => {
      const err = new AggregateError(errors, 'All promises were rejected');
      reject(err);
    };
    try {
      const promiseResolve = C.resolve;
      if (typeof promiseResolve !== 'function') throw new TypeError('Promise resolve or reject function is not callable');
      const errors = [];
      let remaining = 1;
      let index = 0;
      for (const value of iterable) {
        const i = index++;
        errors.push(undefined);
        const next = promiseResolve.call(C, value);
        let called = false;
        remaining++;
        next.then(resolve, (e) => {
          if (called) return;
          called = true;
          errors[i] = e;
          if (--remaining === 0) fail(errors);
        });
      }
      if (--remaining === 0) fail(errors);
    } catch (e) {
      reject(e);
    }
    return promise;
  },
}.any);

// The URI functions fail with V8's "URI malformed" (goja: "Malformed URI").
for (const name of ['decodeURI', 'decodeURIComponent', 'encodeURI', 'encodeURIComponent']) {
  const orig = global[name];
  replaceMethod(global, name, {
    [name](uri) {
      try {
        return orig(uri);
      } catch (e) {
        if (e instanceof URIError) throw new URIError('URI malformed');
        throw e;
      }
    },
  }[name]);
}

// String#split(''): goja splits a string holding surrogates by code point
// and turns a lone surrogate into U+FFFD; V8 splits by UTF-16 code unit.
// entities (parse5, cheerio) builds its decode tables that way.
const origSplit = String.prototype.split;
const surrogate = /[\ud800-\udfff]/;
replaceMethod(String.prototype, 'split', {
  split(separator, limit) {
    if (separator === '' && this !== null && this !== undefined) {
      const s = `${this}`;
      if (surrogate.test(s)) {
        const max = limit === undefined ? 0xffffffff : limit >>> 0;
        const out = [];
        for (let i = 0; i < s.length && out.length < max; i++) out.push(s.charAt(i));
        return out;
      }
    }
    return origSplit.call(this, separator, limit);
  },
}.split);

// RegExp: a pattern given at run time gets the rewrite of Unicode property
// escapes (\p{L}, \P{Script=Greek}) that jsrt gives the literals of a
// module (regexp.go): goja reads \p as a plain p. The wrapper is RegExp
// everywhere, RegExp.prototype.constructor included; its Symbol.species
// is goja's own RegExp, so goja's fast paths (split) stay fast.
const OrigRegExp = RegExp;
const unicodeFlags = (f) => typeof f === 'string' && (f.includes('u') || f.includes('v'));
const hasProperty = (p) => p.includes('\\p{') || p.includes('\\P{');
const translate = (p, flags) => {
  const out = binding.translateRegExp(p);
  if (typeof out !== 'string') throw new SyntaxError(`Invalid regular expression: /${p}/${flags}: ${out.error}`);
  return out;
};
// escapeSource is V8's EscapeRegExpSource for the common cases: a / or
// a line break outside an escape is escaped.
const escapeSource = (p) => (p === '' ? '(?:)' : p.replace(/(\\[^]|\[(?:\\[^]|[^\]])*\])|\/|\n/g,
  (m, keep) => (keep !== undefined ? keep : m === '/' ? '\\/' : '\\n')));
// constructing tells a real `new` from a plain call: goja leaves new.target
// set to the caller's when a constructor calls a function directly
// (class T { constructor() { RegExp(s) } } sees new.target === T), so a
// construction is trusted only with the fresh `this` that `new` makes.
const constructing = (self, nt) => (nt !== undefined && self !== null && typeof self === 'object' &&
  Object.getPrototypeOf(self) === (typeof nt.prototype === 'object' && nt.prototype !== null ? nt.prototype : Object.prototype) &&
  Reflect.ownKeys(self).length === 0 ? nt : undefined);
const RegExpWrapper = function RegExp(pattern, flags) {
  const newTarget = constructing(this, new.target);
  if (newTarget === undefined && flags === undefined && pattern !== null && typeof pattern === 'object' &&
      pattern[Symbol.match] !== undefined && pattern.constructor === RegExpWrapper) {
    return pattern; // RegExp(re) is re, as the spec says
  }
  // source: what the result's source says when the pattern was rewritten
  // (V8 shows \p{L}, not the class it became).
  let source;
  if (pattern instanceof OrigRegExp && Object.prototype.hasOwnProperty.call(pattern, 'source')) {
    source = pattern.source;
  }
  // The v flag (unicodeSets): goja has none; the pattern becomes a u one.
  let sets = false;
  if (typeof flags === 'string' && flags.includes('v') && !flags.includes('u')) {
    if (pattern instanceof OrigRegExp) pattern = pattern.source;
    pattern = String(pattern === undefined ? '' : pattern);
    source = escapeSource(pattern);
    const out = binding.translateSets(pattern);
    if (typeof out !== 'string') throw new SyntaxError(`Invalid regular expression: /${pattern}/${flags}: ${out.error}`);
    pattern = out;
    flags = flags.replace('v', 'u');
    sets = true;
  }
  if (unicodeFlags(flags)) {
    if (typeof pattern === 'string' && hasProperty(pattern)) {
      if (!sets) source = escapeSource(pattern);
      pattern = translate(pattern, flags);
    } else if (pattern instanceof OrigRegExp && !pattern.unicode && hasProperty(pattern.source)) {
      source = pattern.source;
      pattern = translate(pattern.source, flags);
    }
  } else if (flags !== undefined) {
    source = undefined;
  }
  if (source === undefined && typeof pattern === 'string' && (pattern.includes('/') || pattern.includes('\n'))) {
    source = escapeSource(pattern); // goja spells these \u002f and a raw line break
  }
  try {
    if (newTarget === undefined) return fixRegExp(OrigRegExp(pattern, flags), source, sets);
    return fixRegExp(Reflect.construct(OrigRegExp, [pattern, flags],
      newTarget === RegExpWrapper ? OrigRegExp : newTarget), source, sets);
  } catch (e) {
    // goja's parser says what is wrong; V8 also quotes the pattern.
    if (e instanceof SyntaxError && typeof pattern === 'string' && !e.message.startsWith('Invalid ')) {
      throw new SyntaxError(`Invalid regular expression: /${pattern}/${flags === undefined ? '' : flags}: ${e.message}`);
    }
    throw e;
  }
};
for (const key of Reflect.ownKeys(OrigRegExp)) {
  if (key === 'prototype' || key === 'length' || key === 'name') continue;
  Object.defineProperty(RegExpWrapper, key, Object.getOwnPropertyDescriptor(OrigRegExp, key));
}
Object.defineProperty(RegExpWrapper, Symbol.species, {
  get: Object.getOwnPropertyDescriptor({
    get [Symbol.species]() { return this === RegExpWrapper ? OrigRegExp : this; },
  }, Symbol.species).get,
  configurable: true,
});
Object.defineProperty(RegExpWrapper, 'prototype', { value: OrigRegExp.prototype, writable: false });
replaceMethod(OrigRegExp.prototype, 'constructor', RegExpWrapper);
replaceMethod(global, 'RegExp', RegExpWrapper);

// Named capture groups: goja matches them but its results have no
// .groups and its replace knows no $<name>. A regular expression with
// named groups gets its own exec (adding groups), Symbol.replace and
// Symbol.matchAll; literals get them through __ebbnode_re, which jsrt
// wraps around each such literal of a module (regexp.go), patterns given
// to RegExp through the wrapper above.
const origExec = OrigRegExp.prototype.exec;
const hidden = (obj, key, value) =>
  Object.defineProperty(obj, key, { value, writable: true, enumerable: false, configurable: true });

function advance(s, i, unicode) {
  if (!unicode || i + 1 >= s.length) return i + 1;
  const c = s.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? i + 2 : i + 1;
}

function substitution(matched, str, position, captures, groups, replacement) {
  let out = '';
  for (let i = 0; i < replacement.length; i++) {
    const c = replacement[i];
    if (c !== '$' || i + 1 >= replacement.length) { out += c; continue; }
    const n = replacement[i + 1];
    if (n === '$') { out += '$'; i++; } else if (n === '&') { out += matched; i++; } else if (n === '`') {
      out += str.slice(0, position); i++;
    } else if (n === "'") {
      out += str.slice(Math.min(position + matched.length, str.length)); i++;
    } else if (n >= '0' && n <= '9') {
      const two = replacement.slice(i + 1, i + 3);
      const k2 = /^\d\d$/.test(two) ? Number(two) : 0;
      if (k2 >= 1 && k2 <= captures.length) { out += captures[k2 - 1] === undefined ? '' : captures[k2 - 1]; i += 2; continue; }
      const k1 = Number(n);
      if (k1 >= 1 && k1 <= captures.length) { out += captures[k1 - 1] === undefined ? '' : captures[k1 - 1]; i++; continue; }
      out += c;
    } else if (n === '<' && groups !== undefined) {
      const end = replacement.indexOf('>', i + 2);
      if (end < 0) { out += c; continue; }
      const v = groups[replacement.slice(i + 2, end)];
      out += v === undefined ? '' : String(v);
      i = end;
    } else {
      out += c;
    }
  }
  return out;
}

// fixRegExp gives a regular expression what goja lacks: the source it
// was written with when jsrt rewrote it, and named groups.
function fixRegExp(re, source, sets) {
  if (typeof source === 'string') hidden(re, 'source', source);
  if (sets) {
    hidden(re, 'unicode', false);
    hidden(re, 'unicodeSets', true);
  }
  return withNamedGroups(re);
}

// flags as the spec reads it (goja's knows no v), and unicodeSets, which
// a regular expression made from a v pattern has as its own.
Object.defineProperty(OrigRegExp.prototype, 'flags', {
  get: Object.getOwnPropertyDescriptor({
    get flags() {
      if (this === null || (typeof this !== 'object' && typeof this !== 'function')) {
        throw new TypeError('RegExp.prototype.flags getter called on non-object ' + String(this));
      }
      let out = '';
      if (this.hasIndices) out += 'd';
      if (this.global) out += 'g';
      if (this.ignoreCase) out += 'i';
      if (this.multiline) out += 'm';
      if (this.dotAll) out += 's';
      if (this.unicode) out += 'u';
      if (this.unicodeSets) out += 'v';
      if (this.sticky) out += 'y';
      return out;
    },
  }, 'flags').get,
  enumerable: false,
  configurable: true,
});
Object.defineProperty(OrigRegExp.prototype, 'unicodeSets', {
  get: Object.getOwnPropertyDescriptor({
    get unicodeSets() {
      if (this === OrigRegExp.prototype) return undefined;
      if (!(this instanceof OrigRegExp)) {
        throw new TypeError('RegExp.prototype.unicodeSets getter called on non-object ' + String(this));
      }
      return false;
    },
  }, 'unicodeSets').get,
  enumerable: false,
  configurable: true,
});

function withNamedGroups(re) {
  const names = binding.namedGroups(re.source);
  if (names === null) return re;
  hidden(re, 'exec', {
    exec(s) {
      const m = origExec.call(this, s);
      if (m !== null) {
        const groups = Object.create(null);
        for (let i = 0; i < names.length; i++) if (names[i] !== '') groups[names[i]] = m[i + 1];
        m.groups = groups;
      }
      return m;
    },
  }.exec);
  hidden(re, Symbol.replace, {
    [Symbol.replace](string, replaceValue) {
      const str = String(string);
      const functional = typeof replaceValue === 'function';
      if (!functional) replaceValue = String(replaceValue);
      const results = [];
      if (this.global) this.lastIndex = 0;
      for (;;) {
        const m = this.exec(str);
        if (m === null) break;
        results.push(m);
        if (!this.global) break;
        if (String(m[0]) === '') this.lastIndex = advance(str, this.lastIndex, this.unicode);
      }
      let acc = '';
      let next = 0;
      for (const m of results) {
        const matched = String(m[0]);
        const position = Math.max(Math.min(m.index, str.length), 0);
        const captures = [];
        for (let k = 1; k < m.length; k++) captures.push(m[k] === undefined ? undefined : String(m[k]));
        let rep;
        if (functional) {
          const args = [matched, ...captures, position, str];
          if (m.groups !== undefined) args.push(m.groups);
          rep = String(replaceValue(...args));
        } else {
          rep = substitution(matched, str, position, captures, m.groups, replaceValue);
        }
        if (position >= next) {
          acc += str.slice(next, position) + rep;
          next = position + matched.length;
        }
      }
      return acc + str.slice(next);
    },
  }[Symbol.replace]);
  hidden(re, Symbol.matchAll, {
    [Symbol.matchAll](string) {
      const str = String(string);
      const rx = fixRegExp(new OrigRegExp(this, this.flags.replace('v', 'u')), this.source, this.unicodeSets);
      rx.lastIndex = this.lastIndex;
      return (function* matchAll() {
        for (;;) {
          const m = rx.exec(str);
          if (m === null) return;
          yield m;
          if (!rx.global) return;
          if (String(m[0]) === '') rx.lastIndex = advance(str, rx.lastIndex, rx.unicode);
        }
      })();
    },
  }[Symbol.matchAll]);
  return re;
}
Object.defineProperty(global, '__ebbnode_re', { value: fixRegExp, writable: false, enumerable: false, configurable: false });
})
