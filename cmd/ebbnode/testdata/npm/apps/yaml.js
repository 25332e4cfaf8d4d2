// yaml: parse with anchors and tags, stringify, documents, errors.
const YAML = require('yaml');
const src = `
base: &b { host: localhost, port: 8080 }
dev:
  <<: *b
  debug: true
list:
  - one
  - 2
  - 3.5
  - null
  - 2024-01-02
multi: |
  line 1
  line 2
`;
const doc = YAML.parse(src, { merge: true });
console.log(JSON.stringify(doc));
console.log(YAML.stringify({ a: [1, { b: 'x: y' }], s: 'multi\nline', n: null }));
const d = YAML.parseDocument('a: 1 # comment\nb: [x, y]\n');
d.set('c', 3);
console.log(String(d));
try { YAML.parse('a: [1, 2'); } catch (e) { console.log(e.name, e.code); }
