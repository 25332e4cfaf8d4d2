// ES modules loaded with import() from CommonJS: default and named
// imports of ES modules, CommonJS (default is module.exports), an ESM-only
// package ("type": "module", "exports"), a "type": "module" folder,
// live bindings, namespaces, import.meta and strict mode.
import('./fixtures/esm/main.mjs').then((ns) => {
  console.log('main exports', Object.keys(ns).join(','), ns.fromMain);
  return import('./fixtures/esm/cjs.cjs');
}).then((ns) => {
  console.log('import() of CommonJS', ns.default.other, ns.named, ns.other);
  return import('node:path');
}).then((p) => {
  console.log('import() of a core module', typeof p.join, typeof p.default.join);
}).catch((e) => console.log('failed', e));
