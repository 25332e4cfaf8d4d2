// A CommonJS file whose only syntax goja lacks is an async generator
// (get-intrinsic's dependency async-generator-function has just this):
// goja's parser accepts it and its compiler refuses it, so it must be
// lowered like any other, hosted and in a built image.
const AsyncGeneratorFunction = (async function* () {}).constructor;
async function* count(n) {
  for (let i = 0; i < n; i++) yield i;
}
(async () => {
  const it = count(3);
  const seen = [];
  for (let r = await it.next(); !r.done; r = await it.next()) seen.push(r.value);
  console.log(typeof AsyncGeneratorFunction, seen.join(','), typeof it[Symbol.asyncIterator]);
})();
