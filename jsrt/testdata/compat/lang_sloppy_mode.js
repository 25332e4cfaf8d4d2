// CommonJS modules are sloppy-mode code: top-level return, with, arguments
// aliasing, octal-ish literals, direct vs indirect eval scoping, new Function,
// implicit globals.
var x = 'module';
console.log('direct eval sees module var', eval('x'));
console.log('indirect eval sees global', (0, eval)('typeof x'));
implicitGlobal = 'leaked';
console.log('implicit global', globalThis.implicitGlobal);
const f = new Function('a', 'b', 'return a + b + (typeof x)');
console.log('new Function', f(1, 2));
function alias(a) { arguments[0] = 'changed'; return a; }
console.log('arguments alias', alias('orig'));
function strictAlias(a) { 'use strict'; arguments[0] = 'changed'; return a; }
console.log('strict no alias', strictAlias('orig'));
with ({ w: 'from with' }) { console.log(w); }
console.log('legacy octal', 010, 0o10);
console.log('this at top', this === module.exports);
function sloppyThis() { return this === globalThis; }
function strictThis() { 'use strict'; return this; }
console.log('sloppy this', sloppyThis(), 'strict this', strictThis());
console.log('delete unqualified', (function () { var v = 1; return delete v; })());
console.log('callee', (function () { return typeof arguments.callee; })());
if (true) {
  function blockFn() { return 'block function'; }
}
console.log('annex B block function visible after block:', typeof blockFn);
console.log('before return');
return;
console.log('after return (must not print)');
