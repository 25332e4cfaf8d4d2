const fs = require('fs');

const gone = require('./nope');
