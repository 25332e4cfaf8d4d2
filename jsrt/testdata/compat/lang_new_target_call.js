// new.target is undefined in a function called without new, even when a
// constructor calls it (goja gap: it sees the constructor's new.target).
function probe() { return new.target === undefined ? 'call' : 'construct'; }
class Box {
  constructor() {
    this.direct = probe();
    this.nested = [0].map(() => probe())[0];
  }
}
const b = new Box();
console.log(b.direct, b.nested, probe(), new probe() instanceof probe);
function Old() { this.direct = probe(); }
console.log(new Old().direct);
