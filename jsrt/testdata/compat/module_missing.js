// A missing module throws an Error with code MODULE_NOT_FOUND; only the first
// line of the message is stable (node appends the require stack after it).
function tryRequire(id) {
  try {
    require(id);
    console.log(id, 'loaded?!');
  } catch (e) {
    console.log(id, '|', e instanceof Error, e.code, '|', String(e.message).split('\n')[0]);
  }
}
tryRequire('./does-not-exist');
tryRequire('./fixtures/nope.js');
tryRequire('no-such-package-xyz');
tryRequire('far-pkg/missing-file');
tryRequire('../compat-missing-dir/');
