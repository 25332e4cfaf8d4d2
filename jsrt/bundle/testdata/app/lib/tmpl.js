// require inside a function that takes its own require is not node's.
function local(require) {
  return require('not-a-module');
}
module.exports = { local };
