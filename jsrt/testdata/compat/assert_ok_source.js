// A failing assert.ok / assert() without a message quotes the call's
// source, as node does (natively too: the source is read from the image).
const assert = require('assert');
try { assert.ok(0); } catch (e) { console.log(e.message); }
try { assert(1 === 2, undefined); } catch (e) { console.log(e.message); }
try {
  assert.ok(typeof 1 === 'string' &&
    true);
} catch (e) {
  console.log(e.message);
}
try { assert.ok(null, 'own message'); } catch (e) { console.log(e.message, e.code, e.generatedMessage); }
try { assert.strict.ok(''); } catch (e) { console.log(e.message); }
