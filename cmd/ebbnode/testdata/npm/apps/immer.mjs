// immer 11: produce with drafts, patches, freezing, Map/Set support.
import { produce, produceWithPatches, applyPatches, enablePatches, enableMapSet, freeze, isDraft, current } from 'immer';
enablePatches(); enableMapSet();
const base = { todos: [{ id: 1, done: false }, { id: 2, done: false }], tags: new Set(['a']), meta: new Map([['v', 1]]) };
const [state, p, inv] = produceWithPatches(base, (d) => {
  d.todos[0].done = true;
  d.todos.push({ id: 3, done: false });
  d.tags.add('b');
  d.meta.set('v', 2);
  console.log('draft?', isDraft(d), JSON.stringify(current(d.todos)));
});
console.log(state === base, state.todos[1] === base.todos[1], Object.isFrozen(state), base.todos.length);
console.log(JSON.stringify(p, (k, v) => (v instanceof Set ? [...v] : v)));
console.log(JSON.stringify(applyPatches(state, inv).todos) === JSON.stringify(base.todos));
const same = produce(base, () => {});
console.log(same === base);
try { state.todos.push(1); } catch (e) { console.log(e.constructor.name); }
console.log(JSON.stringify(freeze({ a: { b: 1 } }, true)));
