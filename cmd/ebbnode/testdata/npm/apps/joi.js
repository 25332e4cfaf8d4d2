// joi: validation with conversion, abortEarly false, custom messages.
const Joi = require('joi');
const schema = Joi.object({
  username: Joi.string().alphanum().min(3).max(30).required(),
  birth: Joi.number().integer().min(1900).max(2013),
  email: Joi.string().email({ tlds: { allow: false } }),
  password: Joi.string().pattern(/^[a-zA-Z0-9]{3,30}$/),
  repeat: Joi.ref('password'),
}).with('password', 'repeat');
console.log(JSON.stringify(schema.validate({ username: 'abc', birth: '1994', email: 'a@b.co' })));
const r = schema.validate({ username: 'a!', birth: 1800, password: 'pw' }, { abortEarly: false });
for (const d of r.error.details) console.log(d.type, '|', d.message);
console.log(Joi.date().iso().validate('2024-02-30').error?.message ?? 'ok');
console.log(JSON.stringify(Joi.array().items(Joi.number()).unique().validate([1, 2, 2]).error.details[0].type));
