// The CommonJS wrapper: this === module.exports, the five wrapper arguments,
// module.id of the main module and require.main.
console.log('this is exports', this === module.exports, exports === module.exports);
console.log('wrapper args', arguments.length);
console.log('types', typeof require, typeof module, typeof exports, typeof __filename, typeof __dirname);
console.log('main', require.main === module, module.id);
console.log('loaded while running', module.loaded);
console.log('require.resolve', typeof require.resolve, 'cache', typeof require.cache);
console.log('global this', typeof globalThis, globalThis === global);
var topVar = 1;
console.log('var not global', typeof global.topVar);
