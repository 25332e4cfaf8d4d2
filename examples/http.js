// http.js: an HTTP server in an image. Every request gets one line of
// text; the server runs until the VM is stopped (Ctrl-C).
//
//   ebbnode run -p 8080:8080 examples/http.js     # then: curl 127.0.0.1:8080
//   node examples/http.js                         # the same under node
//
// In the image it listens on the guest's 10.0.2.15:8080; -p forwards the
// host's 127.0.0.1:8080 there (QEMU user networking). It needs the image's
// network (virtio-net and its stack) and ebbnode's http module.
'use strict';
const http = require('http');

const port = Number(process.argv[2] || 8080);

const server = http.createServer((req, res) => {
  res.writeHead(200, {'Content-Type': 'text/plain'});
  res.end(`Hello from ebbnode: ${req.method} ${req.url}\n`);
});

server.listen(port, '0.0.0.0', () => {
  console.log(`listening on port ${port}`);
});
