// Symbol.iterator protocols: custom iterables, return() on early exit,
// spreading, destructuring, Array.from, iterator helpers on built-ins.
class Range {
  constructor(from, to) { this.from = from; this.to = to; }
  *[Symbol.iterator]() { for (let i = this.from; i <= this.to; i++) yield i; }
}
console.log([...new Range(1, 5)].join(','), Array.from(new Range(3, 4), (x) => x * 10).join(','));
const closing = {
  [Symbol.iterator]() {
    let i = 0;
    return {
      next: () => ({ value: i++, done: i > 10 }),
      return: () => { console.log('return() called at', i); return { done: true }; },
    };
  },
};
for (const v of closing) { if (v === 2) break; }
const [first, second] = closing;
console.log('destructured', first, second);
try { for (const v of closing) { if (v === 1) throw new Error('stop'); } } catch (e) { console.log('threw', e.message); }
const it = [10, 20][Symbol.iterator]();
console.log(JSON.stringify(it.next()), JSON.stringify(it.next()), JSON.stringify(it.next()));
console.log([...'ab'].join('|'), [...new Map([[1, 'x']])].join('|'), JSON.stringify([...new Set('aab')]));
const entries = Object.entries({ x: 1, y: 2 })[Symbol.iterator]();
console.log(JSON.stringify([...entries]));
const fib = { *[Symbol.iterator]() { let [a, b] = [0, 1]; for (;;) { yield a; [a, b] = [b, a + b]; } } };
const out = [];
for (const n of fib) { if (n > 50) break; out.push(n); }
console.log(out.join(' '));
console.log(typeof Symbol.asyncIterator, Symbol.iterator.toString(), Symbol.iterator.description);
const argsIter = (function () { return [...arguments]; })(1, 2, 3);
console.log(argsIter.length, Object.prototype.toString.call([][Symbol.iterator]()));
const strIter = 'hi'[Symbol.iterator]();
console.log(Object.prototype.toString.call(strIter), strIter.next().value);
console.log(Object.prototype.toString.call(new Map().keys()), Object.prototype.toString.call((function* () {})()));
console.log(Math.max(...new Range(1, 9)), new Map(new Range(1, 2).constructor === Range ? [[1, 2]] : []).size);
