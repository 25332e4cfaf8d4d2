// exit: 1
// A syntax error in a required module is thrown as a SyntaxError that can be
// caught; uncaught, it ends the process with code 1.
try {
  require('./fixtures/syntax/bad');
} catch (e) {
  console.log('caught', e.name, e instanceof SyntaxError);
}
console.log('still running');
require('./fixtures/syntax/bad');
console.log('not reached');
