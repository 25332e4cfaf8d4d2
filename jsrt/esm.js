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
  // sorted, tagged 'Module', and __esModule when it has a default export,
  // as node 20.20 adds for require(esm).
  function toCommonJS(exp) {
    const ns = Object.create(null);
    const keys = Object.getOwnPropertyNames(exp).sort();
    if (keys.includes('default')) {
      Object.defineProperty(ns, '__esModule', { value: true, enumerable: true });
    }
    for (const k of keys) {
      Object.defineProperty(ns, k, { get: () => exp[k], enumerable: true });
    }
    Object.defineProperty(ns, Symbol.toStringTag, { value: 'Module' });
    namespaces.add(ns);
    return ns;
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
      const target = mod != null ? Object.create(Object.getPrototypeOf(mod)) : {};
      if (nodeMode || isNodeMode || !mod || !mod.__esModule) {
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

  return { toCommonJS, toESM };
})()
