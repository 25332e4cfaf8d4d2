require('./nested');
