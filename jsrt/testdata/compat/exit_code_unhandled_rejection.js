// exit: 1
// An unhandled promise rejection is fatal by default (code 1), after the
// current microtasks ran; a rejection handled later in the same tick is fine.
const handledLate = Promise.reject(new Error('handled later'));
handledLate.catch((e) => console.log('caught', e.message));
console.log('sync done');
Promise.resolve().then(() => console.log('microtask runs'));
Promise.reject(new Error('nobody catches me'));
setTimeout(() => console.log('timer must not run'), 5000);
