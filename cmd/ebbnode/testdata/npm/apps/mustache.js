// mustache: sections, inverted sections, lambdas, partials, escaping.
const Mustache = require('mustache');
const view = {
  name: 'Ada', items: [{ n: 1 }, { n: 2 }], empty: [], html: '<i>x</i>',
  wrap: () => (text, render) => '[' + render(text) + ']',
};
console.log(Mustache.render('Hi {{name}}! {{#items}}<{{n}}>{{/items}}{{^empty}}none{{/empty}} {{html}} {{{html}}} {{#wrap}}{{name}}{{/wrap}} {{> p}}',
  view, { p: 'partial for {{name}}' }));
console.log(JSON.stringify(Mustache.parse('a {{b}} {{#c}}d{{/c}}')));
