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
const RegExpWrapper = function RegExp(pattern, flags) {
  if (new.target === undefined && flags === undefined && pattern !== null && typeof pattern === 'object' &&
      pattern[Symbol.match] !== undefined && pattern.constructor === RegExpWrapper) {
    return pattern; // RegExp(re) is re, as the spec says
  }
  if (unicodeFlags(flags)) {
    if (typeof pattern === 'string' && hasProperty(pattern)) {
      pattern = translate(pattern, flags);
    } else if (pattern instanceof OrigRegExp && !pattern.unicode && hasProperty(pattern.source)) {
      pattern = translate(pattern.source, flags);
    }
  }
  try {
    if (new.target === undefined) return OrigRegExp(pattern, flags);
    return Reflect.construct(OrigRegExp, [pattern, flags], new.target === RegExpWrapper ? OrigRegExp : new.target);
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
})
