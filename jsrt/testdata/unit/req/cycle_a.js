exports.done = false; const b = require('./cycle_b'); exports.sawB = b.sawA; exports.done = true;
