// Loaded only dynamically; its own require is found when it is included.
module.exports = require('./greet-words.json');
