// pino: JSON log lines to stdout (no timestamp, no pid), levels, children,
// serialised errors.
const pino = require('pino');
// A sync destination: pino's default one writes asynchronously, so even in
// node its lines and console.log's race.
const logger = pino({ base: null, timestamp: false, level: 'debug' }, pino.destination({ fd: 1, sync: true }));
logger.info('hello');
logger.debug({ user: 'ada', n: 3 }, 'with %s', 'args');
const child = logger.child({ module: 'db' });
child.warn(new Error('boom').message);
child.error({ err: { type: 'X', message: 'bad' } }, 'failed');
logger.trace('hidden');
console.log(logger.level, logger.isLevelEnabled('trace'));
