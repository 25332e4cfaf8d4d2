module.exports = { loadedAt: Date.now() };
