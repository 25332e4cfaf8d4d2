module.exports = "unused";
