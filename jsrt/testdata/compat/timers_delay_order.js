// Timers fire by delay, and in creation order when delays are equal.
// Delays are far apart so a stall of the process between two setTimeout
// calls (timers count from when they are created) cannot reorder them.
const delays = [300, 100, 200, 0, 100, 1, 200, 50];
const fired = [];
delays.forEach((d, i) => setTimeout(() => fired.push(`${i}@${d}`), d));
setTimeout(() => console.log(fired.join(' ')), 400);
setTimeout(() => console.log('negative delay is 1:', 'ok'), -5);
setTimeout(() => console.log('string delay works'), '50');
