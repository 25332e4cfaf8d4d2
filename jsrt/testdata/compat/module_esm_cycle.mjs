// An import cycle between ES modules: hoisted functions are callable
// before their module finishes, a const is in its temporal dead zone.
import { a } from './fixtures/esm/cycle/a.mjs';
import * as b from './fixtures/esm/cycle/b.mjs';

console.log('entry:', a(), b.b(), b.useA(), Object.keys(b).join(','));
