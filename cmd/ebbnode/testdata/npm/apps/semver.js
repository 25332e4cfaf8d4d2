// semver: parse, compare, ranges, coerce, inc.
const semver = require('semver');
console.log(semver.valid('1.2.3'), semver.valid('a.b.c'), semver.clean('  =v1.2.3   '));
console.log(semver.satisfies('1.2.3', '1.x || >=2.5.0 || 5.0.0 - 7.2.3'), semver.gt('1.2.3', '9.8.7'));
console.log(semver.sort(['1.10.0', '1.2.0', '1.2.0-beta.2', '1.2.0-beta.10', '0.9.0']).join(' '));
console.log(semver.maxSatisfying(['1.2.3', '1.2.4', '1.3.0', '2.0.0'], '~1.2'), semver.minVersion('>=1.4.0 <2').version);
console.log(semver.inc('1.2.3', 'prerelease', 'rc'), semver.inc('1.2.3-rc.0', 'minor'), semver.coerce('v2 beta').version);
console.log(semver.diff('1.2.3', '1.3.0'), new semver.Range('^1.2.3').range, semver.intersects('>1.0', '<1.5'));
