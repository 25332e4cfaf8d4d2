// Unbounded recursion throws a catchable RangeError (node: "Maximum call
// stack size exceeded"); the process keeps running afterwards.
function down(n) { return down(n + 1) + 1; }
try {
  down(0);
} catch (e) {
  console.log('caught', e.name, e instanceof RangeError);
}
function mutualA(n) { return mutualB(n) + 1; }
function mutualB(n) { return mutualA(n) + 1; }
try {
  mutualA(0);
} catch (e) {
  console.log('mutual recursion', e.name);
}
console.log('still running');
