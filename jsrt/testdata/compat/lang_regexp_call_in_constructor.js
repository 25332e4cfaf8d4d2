// RegExp called without new inside a constructor makes a plain RegExp (luxon
// builds its parsers so); new RegExp and subclasses still construct.
class Parser {
  constructor(src) {
    this.re = RegExp(src, 'i');
    this.same = RegExp(this.re);
  }
}
const p = new Parser('^(\\d{2})(\\/)(\\d{4})( )$');
console.log(Object.getPrototypeOf(p.re) === RegExp.prototype, p.re instanceof Parser, String(p.re), p.re.flags);
console.log(p.same === p.re, '10/2024 '.match(p.re).slice(1).join('|'));
function Old(src) { this.re = RegExp(src); }
const o = new Old('a+');
console.log(o.re instanceof RegExp, o.re instanceof Old, o.re.test('caab'));

class Words extends RegExp {
  constructor(s) { super(s, 'g'); this.kind = 'words'; }
}
const w = new Words('\\w+');
console.log(w instanceof Words, w instanceof RegExp, w.kind, 'ab cd'.match(w).join(','), w.flags);
const r = new RegExp('x', 'y');
console.log(Object.getPrototypeOf(r) === RegExp.prototype, String(r));
const R = Reflect.construct(RegExp, ['q'], Words);
console.log(Object.getPrototypeOf(R) === Words.prototype, R.source);
class Holder {
  constructor() { this.list = ['a', 'b'].map((s) => RegExp(s)); this.u = RegExp('\\p{Lu}', 'u'); }
}
const h = new Holder();
console.log(h.list.every((x) => Object.getPrototypeOf(x) === RegExp.prototype), h.u.test('É'), h.u.source);
