const a = require('./cycle_a'); exports.sawA = 'a.done=' + a.done;
