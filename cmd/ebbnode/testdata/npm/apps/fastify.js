// fastify 5: routes with JSON schema validation, hooks, plugins, served on
// 127.0.0.1 and asked by an http client in the same script.
const fastify = require('fastify')({ logger: false });
const http = require('http');
fastify.addHook('onRequest', async (req, reply) => { reply.header('x-hook', 'yes'); });
fastify.register(async (inst) => {
  inst.get('/hello/:name', async (req) => ({ hello: req.params.name }));
}, { prefix: '/v1' });
fastify.post('/sum', {
  schema: { body: { type: 'object', required: ['a', 'b'], properties: { a: { type: 'number' }, b: { type: 'number' } } } },
}, async (req) => ({ sum: req.body.a + req.body.b }));
function request(port, method, path, body) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, headers: body ? { 'content-type': 'application/json' } : {} }, (res) => {
      let data = ''; res.setEncoding('utf8');
      res.on('data', (c) => { data += c; });
      res.on('end', () => resolve(`${res.statusCode} ${res.headers['x-hook']} ${data}`));
    });
    req.on('error', reject);
    req.end(body ? JSON.stringify(body) : undefined);
  });
}
fastify.listen({ port: 0, host: '127.0.0.1' }).then(async () => {
  const port = fastify.server.address().port;
  console.log(await request(port, 'GET', '/v1/hello/ada'));
  console.log(await request(port, 'POST', '/sum', { a: 2, b: 40 }));
  console.log(await request(port, 'POST', '/sum', { a: 'x' }));
  console.log(await request(port, 'GET', '/missing'));
  await fastify.close();
  console.log('closed');
});
