console.log('main');
require('./syntax');
