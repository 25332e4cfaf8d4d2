// 'uncaughtException' and 'unhandledRejection' listeners keep the process alive.
process.on('uncaughtException', (err, origin) => console.log('caught', err.message, origin));
process.on('unhandledRejection', (reason, p) => console.log('unhandled', reason.message, p instanceof Promise));
setTimeout(() => { throw new Error('in timer'); }, 1);
Promise.reject(new Error('rejected'));
const late = Promise.reject(new Error('handled late'));
late.catch(() => console.log('late catch'));
setTimeout(() => console.log('still running'), 5);
