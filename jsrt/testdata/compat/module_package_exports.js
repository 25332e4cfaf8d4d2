// package.json "exports" and "imports" with node's conditions: require
// picks "require" targets, import() picks "import" targets; subpath
// patterns, null exclusions, exact keys before patterns, nested and array
// targets, and node's errors for subpaths a package does not export.
const conds = require('./fixtures/esm/conds.js');
conds.importAll().then((mods) => {
  for (const m of mods) console.log('import()', m.default);
});
