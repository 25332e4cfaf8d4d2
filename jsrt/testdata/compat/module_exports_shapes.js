// module.exports may be any value; reassigning `exports` alone does nothing;
// module.children lists modules first required by this one.
console.log(require('./fixtures/shapes/primitive'), require('./fixtures/shapes/nullish'));
const Shape = require('./fixtures/shapes/klass');
console.log(typeof Shape, Shape.name, new Shape().area());
console.log(JSON.stringify(require('./fixtures/shapes/reassign')));
console.log(JSON.stringify(require('./fixtures/shapes/children')));
console.log('main children', module.children.length, module.children.map((c) => c.loaded).join(','));
console.log('parent of child', require.cache[require.resolve('./fixtures/shapes/klass')].parent === module);
