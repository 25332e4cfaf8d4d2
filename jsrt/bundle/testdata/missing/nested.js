require('./missing-dep.js');
