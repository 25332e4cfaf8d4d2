// URLSearchParams: construction forms, ordering, duplicates, sort,
// encoding of spaces and special characters, iteration.
const p = new URLSearchParams('a=1&b=2&a=3&c=%20x+y&d');
console.log(p.toString());
console.log(p.get('a'), JSON.stringify(p.getAll('a')), p.get('c'), JSON.stringify(p.get('d')), p.get('zz'));
console.log(p.has('b'), p.has('nope'));
p.append('b', 'new');
p.set('a', 'only');
p.delete('d');
console.log(p.toString());
p.sort();
console.log('sorted', p.toString());
console.log('entries', JSON.stringify([...p]));
console.log('keys', [...p.keys()].join(','), 'values', [...p.values()].join(','));
const fromObj = new URLSearchParams({ x: '1', y: 'a b&c=d', z: 'ü€' });
console.log(fromObj.toString());
const fromPairs = new URLSearchParams([['k', 'v'], ['k', 'w']]);
console.log(fromPairs.toString(), fromPairs.size === undefined ? 2 : fromPairs.size);
console.log(new URLSearchParams('?leading=q').get('leading'));
console.log(new URLSearchParams('a=b=c&=empty&plus=1+1').toString());
const seen = [];
fromObj.forEach((v, k) => seen.push(k + ':' + v));
console.log(seen.join('|'));
console.log(String(new URLSearchParams('q=%zz&r=%41')));
console.log(new URLSearchParams("sp=~*'()!").toString());
