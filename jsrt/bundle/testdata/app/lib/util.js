const dep = require('dep');
exports.twice = (x) => dep.id + x + x;
