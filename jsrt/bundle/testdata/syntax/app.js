require('./bad');
