// ajv: JSON Schema compiled to functions, formats-free, errors.
const Ajv = require('ajv');
const ajv = new Ajv({ allErrors: true, useDefaults: true, coerceTypes: true });
const validate = ajv.compile({
  type: 'object',
  properties: {
    id: { type: 'integer', minimum: 1 },
    name: { type: 'string', pattern: '^[A-Z]' },
    tags: { type: 'array', items: { type: 'string' }, uniqueItems: true, default: [] },
    kind: { enum: ['a', 'b'] },
  },
  required: ['id', 'name'],
  additionalProperties: false,
});
const ok = { id: '7', name: 'Ada', kind: 'a' };
console.log(validate(ok), JSON.stringify(ok));
console.log(validate({ id: 0, name: 'ada', tags: ['x', 'x'], kind: 'c', more: true }));
for (const e of validate.errors) console.log(e.instancePath || '/', e.keyword, e.message);
console.log(ajv.errorsText(validate.errors));
