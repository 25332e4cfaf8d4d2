module.exports = 'deep:' + require('pkg').name + ':' + require('../../lib').name;
