// The interop helpers of transformed ES modules (jsrt/transform redirects
// esbuild's __toESM and __toCommonJS here), giving node's semantics:
// importing CommonJS gives module.exports as the default export, importing
// an ES module gives its namespace, and require() of an ES module returns
// its namespace (node 20.20's require(esm)).
(function () {
  'use strict';
  const namespaces = new WeakSet();
  const hasOwn = Object.prototype.hasOwnProperty;

  // toCommonJS makes the namespace object of an ES module from esbuild's
  // exports object (getters, so bindings stay live): null prototype, keys
  // sorted, tagged 'Module'.
  function toCommonJS(exp) {
    return namespace(exp, false);
  }

  function namespace(exp, esModule) {
    const ns = Object.create(null);
    const keys = Object.getOwnPropertyNames(exp);
    if (esModule) keys.push('__esModule');
    for (const k of keys.sort()) {
      if (esModule && k === '__esModule') {
        Object.defineProperty(ns, k, { value: true, enumerable: true });
      } else {
        Object.defineProperty(ns, k, { get: () => exp[k], enumerable: true });
      }
    }
    Object.defineProperty(ns, Symbol.toStringTag, { value: 'Module' });
    namespaces.add(ns);
    return ns;
  }

  // requireESM is what require() of an ES module returns to CommonJS:
  // the namespace, or, when it has a default export, a copy with
  // __esModule: true, as node 20.20 does for tools' interop.
  const facades = new WeakMap();
  function requireESM(ns) {
    if (!namespaces.has(ns) || !('default' in ns)) return ns;
    let f = facades.get(ns);
    if (!f) {
      f = namespace(ns, true);
      facades.set(ns, f);
    }
    return f;
  }

  // toESM(nodeMode) is the __toESM of one module: nodeMode is set for .mjs,
  // .mts and "type": "module" files, where node's rule applies (default is
  // module.exports even with __esModule); TypeScript's CommonJS keeps
  // esbuild's Babel-style interop.
  function toESM(nodeMode) {
    return function (mod, isNodeMode) {
      if (mod != null && (typeof mod === 'object' || typeof mod === 'function') && namespaces.has(mod)) {
        return mod;
      }
      if (nodeMode || isNodeMode) return cjsNamespace(mod);
      const target = mod != null ? Object.create(Object.getPrototypeOf(mod)) : {};
      if (!mod || !mod.__esModule) {
        Object.defineProperty(target, 'default', { value: mod, enumerable: true });
      }
      if (mod && (typeof mod === 'object' || typeof mod === 'function')) {
        for (const k of Object.getOwnPropertyNames(mod)) {
          if (hasOwn.call(target, k)) continue;
          const d = Object.getOwnPropertyDescriptor(mod, k);
          Object.defineProperty(target, k, { get: () => mod[k], enumerable: !d || d.enumerable });
        }
      }
      return target;
    };
  }

  // cjsNamespace is node's namespace of a CommonJS (or core) module:
  // default is module.exports, named exports its own properties (a
  // function's intrinsic length, name and prototype aside), sorted.
  const intrinsic = new Set(['length', 'name', 'prototype', 'arguments', 'caller']);
  function cjsNamespace(mod) {
    const ns = Object.create(null);
    const keys = ['default'];
    if (mod && (typeof mod === 'object' || typeof mod === 'function')) {
      for (const k of Object.getOwnPropertyNames(mod)) {
        if (k === 'default') continue;
        if (typeof mod === 'function' && intrinsic.has(k) && !Object.getOwnPropertyDescriptor(mod, k).enumerable) continue;
        keys.push(k);
      }
    }
    for (const k of keys.sort()) {
      if (k === 'default') {
        Object.defineProperty(ns, k, { value: mod, enumerable: true });
      } else {
        Object.defineProperty(ns, k, { get: () => mod[k], enumerable: true });
      }
    }
    Object.defineProperty(ns, Symbol.toStringTag, { value: 'Module' });
    return ns;
  }

  // dynamicNamespace is what import() resolves to: an ES module's
  // namespace, or for anything else (CommonJS, core modules) node's view
  // of it, default being module.exports; one object per module.
  const dynamic = new WeakMap();
  function dynamicNamespace(exp) {
    if (exp != null && (typeof exp === 'object' || typeof exp === 'function')) {
      if (namespaces.has(exp)) return exp;
      let ns = dynamic.get(exp);
      if (!ns) {
        ns = toESM(true)(exp);
        namespaces.add(ns);
        dynamic.set(exp, ns);
      }
      return ns;
    }
    const ns = toESM(true)(exp);
    namespaces.add(ns);
    return ns;
  }

  // tla runs a module with top-level await: body is its async body's
  // promise of its exports; the result is the promise of its namespace,
  // which becomes module.exports when the body finishes.
  function tla(module, body) {
    return body.then((exp) => {
      module.exports = toCommonJS(exp);
      return module.exports;
    });
  }

  // awaitNamespace is import() of a module whose await may be pending:
  // a promise that toESM passes through and import() adopts.
  function awaitNamespace(p) {
    const q = p.then((ns) => ns);
    namespaces.add(q);
    return q;
  }

  // asyncGen tags the objects of esbuild's lowered async generators as
  // node's are tagged.
  function asyncGen(it) {
    Object.defineProperty(it, Symbol.toStringTag, { value: 'AsyncGenerator', configurable: true });
    return it;
  }

  return { toCommonJS, toESM, asyncGen, requireESM, dynamicNamespace, tla, awaitNamespace };
})()
