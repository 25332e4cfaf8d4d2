// handlebars: compile, helpers, partials, each/if, escaping.
const Handlebars = require('handlebars');
Handlebars.registerHelper('upper', (s) => String(s).toUpperCase());
Handlebars.registerHelper('plural', (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`);
Handlebars.registerPartial('item', '<li>{{name}}{{#if price}} — ${{price}}{{/if}}</li>');
const t = Handlebars.compile(`<h1>{{upper title}}</h1>
<p>{{plural items.length "item"}}; note: {{note}} / {{{note}}}</p>
<ul>{{#each items}}
  {{> item}}{{#if @last}} (last){{/if}}{{/each}}
</ul>`);
console.log(t({ title: 'shop', note: '<b>&</b>', items: [{ name: 'tea', price: 3 }, { name: 'cup' }] }));
try { Handlebars.compile('{{#if}}')({}); } catch (e) { console.log('error:', e.message.split('\n')[0]); }
