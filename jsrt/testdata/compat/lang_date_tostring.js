// Date#toString and toTimeString name the zone as V8 does: the corpus runs
// with TZ=UTC, which node calls "Coordinated Universal Time".
const d = new Date(Date.UTC(2024, 6, 1, 12, 30, 5));
console.log(d.toString());
console.log(String(d));
console.log(`${new Date(0)}`);
console.log(d.toTimeString());
console.log(d.toDateString(), d.toUTCString(), d.toISOString());
console.log(new Date(NaN).toString(), String(new Date('x')));
console.log(Date.prototype.toString.name, Date.prototype.toString.length,
  Object.keys(Date.prototype), Date.prototype.propertyIsEnumerable('toString'));
console.log(new Date(8.64e15).toString());
console.log(new Date(-1e12).toString());
