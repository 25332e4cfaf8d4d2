// hello.js: the smallest ebbnode app. It reads process, waits on a timer,
// and prints — enough to see the runtime, its event loop and console work.
//
//   ebbnode exec examples/hello.js [name]
const name = process.argv[2] || 'world';

console.log(`Hello, ${name}! This is ${process.version} on ${process.platform}/${process.arch}.`);

setTimeout(() => {
  console.log('A 10 ms timer fired.');
  process.nextTick(() => console.log('Goodbye.'));
}, 10);
