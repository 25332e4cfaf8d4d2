const assert = require('assert');
try { assert(1 === 2) } catch (e) { console.log(JSON.stringify(e.message), e.generatedMessage) }
try {
  assert.ok(typeof 1 === 'string');
} catch (e) { console.log(JSON.stringify(e.message)) }
function check(v) { assert.strict.ok(v && "a(b" === ')'); }
try { check(0) } catch (e) { console.log(JSON.stringify(e.message)) }
try {
  assert(
    false,
  );
} catch (e) { console.log(JSON.stringify(e.message)) }
try { assert.ok(null, undefined) } catch (e) { console.log(JSON.stringify(e.message)) }
try { assert.ok(0, 'given') } catch (e) { console.log(JSON.stringify(e.message)) }
