// A chain of nested timeouts runs in order and each sees the previous step.
function step(i, acc) {
  if (i === 6) {
    console.log('done', acc.join(','));
    return;
  }
  setTimeout(() => {
    acc.push(i);
    console.log('step', i);
    step(i + 1, acc);
  }, i % 2);
}
step(0, []);
