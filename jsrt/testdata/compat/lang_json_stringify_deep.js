// JSON.stringify of deeply nested objects and arrays: node throws a
// RangeError past about 4,000 levels; shallower nesting serialises.
function nested(depth, array) {
  const root = array ? [] : {};
  let cur = root;
  for (let i = 0; i < depth; i++) {
    const next = array ? [] : {};
    if (array) cur.push(next);
    else cur.a = next;
    cur = next;
  }
  return root;
}

for (const depth of [100, 1000, 8000]) {
  for (const array of [false, true]) {
    try {
      console.log(depth, array ? 'array' : 'object', JSON.stringify(nested(depth, array)).length);
    } catch (e) {
      console.log(depth, array ? 'array' : 'object', e.name, e.message);
    }
  }
}
