// ejs: render with locals, escaping, includes via a file system template.
const ejs = require('ejs');
const fs = require('fs');
const path = require('path');
const os = require('os');
console.log(ejs.render('<% for (const u of users) { %><%= u.name %> is <%- u.bold ? "<b>bold</b>" : "plain" %>\n<% } %>',
  { users: [{ name: 'A&B', bold: true }, { name: 'C', bold: false }] }));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ejs-'));
fs.writeFileSync(path.join(dir, 'head.ejs'), '<title><%= title %></title>');
fs.writeFileSync(path.join(dir, 'page.ejs'), '<%- include("head", { title: t }) %><main><%= body %></main>');
ejs.renderFile(path.join(dir, 'page.ejs'), { t: 'Home', body: '1 < 2' }, (err, html) => {
  console.log(err ? 'error ' + err.message : html);
  fs.rmSync(dir, { recursive: true });
  try { ejs.render('<%= missing %>'); } catch (e) { console.log(e.name, e.message.split('\n').pop()); }
});
