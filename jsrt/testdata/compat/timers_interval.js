// setInterval repeats until cleared, also when cleared from inside the
// callback; clearInterval on a timeout handle and clearTimeout on an
// interval both work; arguments are passed.
let n = 0;
const iv = setInterval((tag) => {
  n++;
  console.log('tick', n, tag);
  if (n === 4) {
    clearInterval(iv);
    console.log('cleared');
  }
}, 5, 'arg');
let m = 0;
const iv2 = setInterval(() => { m++; }, 3);
setTimeout(() => {
  clearTimeout(iv2);
  const seen = m;
  setTimeout(() => console.log('second interval stopped', m === seen, m > 0), 100);
}, 30);
const never = setTimeout(() => console.log('never'), 1);
clearInterval(never);
clearTimeout(undefined);
clearInterval(null);
