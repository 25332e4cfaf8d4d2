// pino: JSON log lines to stdout (no timestamp, no pid), levels, children,
// serialised errors.
const pino = require('pino');
const logger = pino({ base: null, timestamp: false, level: 'debug' });
logger.info('hello');
logger.debug({ user: 'ada', n: 3 }, 'with %s', 'args');
const child = logger.child({ module: 'db' });
child.warn(new Error('boom').message);
child.error({ err: { type: 'X', message: 'bad' } }, 'failed');
logger.trace('hidden');
console.log(logger.level, logger.isLevelEnabled('trace'));
