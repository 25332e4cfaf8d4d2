// An ES module may declare its own __filename, __dirname, require, module
// and exports (yargs does): ESM has none of CommonJS's.
import { fileURLToPath } from 'url';
import { createRequire } from 'module';
import path from 'path';
const __filename = fileURLToPath(import.meta.url);
const __dirname = path.dirname(__filename);
const require = createRequire(import.meta.url);
const module = 'm', exports = 'e';
console.log(path.basename(__filename), path.basename(__dirname), typeof require('path').join, module, exports);
