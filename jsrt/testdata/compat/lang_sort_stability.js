// Array.prototype.sort is stable (ES2019); comparator results; undefined
// and holes go last; default sort compares strings.
const people = [
  { n: 'a', age: 30 }, { n: 'b', age: 25 }, { n: 'c', age: 30 }, { n: 'd', age: 25 },
  { n: 'e', age: 40 }, { n: 'f', age: 30 }, { n: 'g', age: 25 }, { n: 'h', age: 40 },
];
console.log(people.slice().sort((x, y) => x.age - y.age).map((p) => p.n + p.age).join(' '));
console.log(people.slice().sort((x, y) => y.age - x.age).map((p) => p.n).join(''));
const many = Array.from({ length: 600 }, (_, i) => ({ key: i % 7, idx: i }));
const sorted = many.slice().sort((x, y) => x.key - y.key);
let stable = true;
for (let i = 1; i < sorted.length; i++) {
  if (sorted[i].key === sorted[i - 1].key && sorted[i].idx < sorted[i - 1].idx) stable = false;
}
console.log('600 items stable', stable, sorted[0].idx, sorted[599].idx);
console.log([3, undefined, 1, , 2, undefined].sort().map(String).join(','), [3, undefined, 1, , 2].sort().length);
console.log(['b', 'B', 'a', 'A', '_', '1', 'é'].sort().join(''));
console.log([5, 1, 10, 2].sort().join(), [5, 1, 10, 2].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)).join());
console.log([true, false, true].sort().join(), [-1, -2, 0, -0, 1].sort((x, y) => x - y).map((x) => Object.is(x, -0) ? '-0' : x).join());
const words = ['banana', 'apple', 'cherry', 'apple2', 'Apple'];
console.log(words.slice().sort((x, y) => x.length - y.length).join(','));
const byTwoKeys = people.slice().sort((x, y) => x.age - y.age || (x.n < y.n ? 1 : -1));
console.log(byTwoKeys.map((p) => p.n).join(''));
const result = [3, 2, 1].sort(() => 0);
console.log('zero comparator keeps order', result.join());
const obj = { length: 3, 0: 'c', 1: 'a', 2: 'b' };
Array.prototype.sort.call(obj);
console.log('array-like', obj[0], obj[1], obj[2]);
