// EbbRT's node benchmark server: every request gets the same 148-byte
// page. Usage: node server.js [PORT [HOST]] (8080 on every address by
// default). It prints "listening on PORT" once it accepts connections.
'use strict';
const http = require('http');

const port = Number(process.argv[2] || 8080);
const host = process.argv[3] || '0.0.0.0';
// 148 bytes exactly (the harness checks every response's length).
const page = '<!DOCTYPE html><html><head><title>ebbnode</title></head>' +
  '<body><p>Hello from ebbnode: a 148-byte page for the HTTP benchmark.</p></body></html>';
const body = Buffer.from(page.padEnd(147, ' ') + '\n');

http.createServer((req, res) => {
  res.writeHead(200, {'Content-Type': 'text/html', 'Content-Length': body.length});
  res.end(body);
}).listen(port, host, () => {
  console.log('listening on ' + port);
});
