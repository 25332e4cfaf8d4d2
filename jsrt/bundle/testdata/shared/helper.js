// Outside the entry's directory: the bundle root moves up to hold it.
module.exports = () => 'helper';
