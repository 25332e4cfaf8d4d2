// exit: 0
// process.on('uncaughtException') catches a throw and the process keeps
// going; 'unhandledRejection' listeners receive the reason.
process.on('uncaughtException', (err, origin) => {
  console.log('caught by handler:', err.message, origin);
});
process.on('unhandledRejection', (reason) => {
  console.log('unhandled rejection:', reason.message);
});
setTimeout(() => console.log('timer runs after the throw'), 5);
Promise.reject(new Error('rejected'));
throw new Error('thrown at top level');
