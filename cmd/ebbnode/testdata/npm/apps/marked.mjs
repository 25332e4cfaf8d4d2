// marked (ESM-only major): GFM markdown to HTML, renderer extension.
import { marked, Marked } from 'marked';
const md = `# Title

Some *em* and **strong**, \`code\`, a [link](https://example.com "t").

- one
- [x] done

| a | b |
|---|:-:|
| 1 | 2 |

\`\`\`js
const x = 1 < 2;
\`\`\`
> quote
`;
console.log(marked.parse(md));
const m = new Marked({ renderer: { heading({ tokens, depth }) { return `<h${depth} class="x">${this.parser.parseInline(tokens)}</h${depth}>\n`; } } });
console.log(m.parse('## Hello _there_'));
console.log(JSON.stringify(marked.lexer('a\n\nb').map((t) => t.type)));
