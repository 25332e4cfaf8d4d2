// Event order on both sides of one exchange: request/response 'finish',
// 'end' and 'close', 'socket', ClientRequest.setTimeout firing on a slow
// server, destroy() before the response (socket hang up), and abort().
const http = require('http');
const log = [];
const server = http.createServer((req, res) => {
  if (req.url === '/slow') { setTimeout(() => res.end('late'), 1000); return; }
  req.on('end', () => log.push('server req end'));
  req.on('close', () => log.push('server req close'));
  res.on('finish', () => log.push('server res finish'));
  res.on('close', () => log.push('server res close'));
  req.resume();
  res.end('ok');
});

function once(path, setup) {
  return new Promise((resolve) => {
    const req = http.get({ port: server.address().port, host: '127.0.0.1', path, agent: false });
    req.on('socket', () => log.push(`${path} socket`));
    req.on('finish', () => log.push(`${path} finish`));
    req.on('close', () => { log.push(`${path} close`); resolve(); });
    req.on('error', (e) => log.push(`${path} error ${e.code} ${e.message}`));
    req.on('response', (res) => {
      log.push(`${path} response ${res.statusCode}`);
      res.on('end', () => log.push(`${path} res end`));
      res.on('close', () => log.push(`${path} res close`));
      res.resume();
    });
    if (setup) setup(req);
  });
}

server.listen(0, '127.0.0.1', async () => {
  await once('/plain');
  await new Promise((r) => setTimeout(r, 100));
  console.log(log.splice(0).sort().join('\n'));
  await once('/slow', (req) => req.setTimeout(50, () => { log.push('timeout'); req.destroy(); }));
  console.log(log.splice(0).join('\n'));
  await once('/gone', (req) => req.destroy());
  console.log(log.splice(0).join('\n'));
  await once('/abort', (req) => { req.on('abort', () => log.push('abort event')); req.abort(); });
  console.log(log.splice(0).join('\n'));
  server.close(() => console.log('closed'));
});
