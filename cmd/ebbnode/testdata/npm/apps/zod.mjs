// zod 4 (ESM): schemas, parse, safeParse errors, transforms, inference at run time.
import { z } from 'zod';
const User = z.object({
  name: z.string().min(2),
  age: z.number().int().positive(),
  email: z.string().email(),
  tags: z.array(z.string()).default([]),
  role: z.enum(['admin', 'user']),
}).strict();
console.log(JSON.stringify(User.parse({ name: 'Ada', age: 36, email: 'ada@example.com', role: 'admin' })));
const bad = User.safeParse({ name: 'A', age: -1.5, email: 'nope', role: 'root', extra: 1 });
console.log(bad.success);
for (const issue of bad.error.issues) console.log(issue.path.join('.') || '(root)', issue.code, issue.message);
const Num = z.string().transform((s) => Number(s)).pipe(z.number().max(100));
console.log(Num.parse('42'), Num.safeParse('420').success);
console.log(JSON.stringify(z.union([z.literal('a'), z.number()]).safeParse(true).error.issues.map((i) => i.code)));
