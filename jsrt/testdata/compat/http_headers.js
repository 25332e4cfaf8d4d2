// Header normalisation: repeated incoming headers (set-cookie array,
// first-wins fields, ', ' and '; ' joins), rawHeaders keeping case and
// order, and the response header API (getHeaders, names, remove, has).
const http = require('http');
const net = require('net');
const clean = (v) => JSON.stringify(v).replace(/127\.0\.0\.1:\d+/g, 'HOST:PORT');

const server = http.createServer((req, res) => {
  console.log('headers', clean(req.headers));
  console.log('raw', clean(req.rawHeaders));
  console.log('distinct', JSON.stringify(req.headersDistinct['x-multi']));
  res.setHeader('Set-Cookie', ['a=1', 'b=2']);
  res.setHeader('X-Keep', 'yes');
  res.setHeader('X-Drop', 'no');
  res.appendHeader('X-List', 'one');
  res.appendHeader('X-List', 'two');
  console.log('has', res.hasHeader('x-keep'), res.hasHeader('X-DROP'), res.getHeader('x-list'));
  res.removeHeader('x-drop');
  console.log('names', JSON.stringify(res.getHeaderNames()), JSON.stringify(res.getRawHeaderNames()));
  const all = res.getHeaders();
  console.log('getHeaders', Object.getPrototypeOf(all), JSON.stringify(all));
  res.end('done');
});

server.listen(0, '127.0.0.1', () => {
  const s = net.connect(server.address().port, '127.0.0.1', () => {
    s.write('GET /h HTTP/1.1\r\nHost: first\r\nhost: second\r\nX-Multi: a\r\nx-multi: b\r\n' +
      'Cookie: c=1\r\nCOOKIE: d=2\r\nContent-Type: text/a\r\ncontent-type: text/b\r\n' +
      'Set-Cookie: s=1\r\nset-cookie: s=2\r\nUser-Agent: ua1\r\nUser-Agent: ua2\r\nAccept:  spaced  \r\n' +
      'Connection: close\r\n\r\n');
  });
  let data = '';
  s.setEncoding('latin1');
  s.on('data', (d) => { data += d; });
  s.on('end', () => {
    console.log(JSON.stringify(data.replace(/Date: [^\r]*\r\n/, 'Date: D\r\n')));
    const req = http.get({ port: server.address().port, host: '127.0.0.1', headers: { 'X-Mixed-Case': 'v', cookie: ['p=1', 'q=2'] } }, (res) => {
      console.log('client raw', JSON.stringify(res.rawHeaders.filter((h, i) => i % 2 === 0)));
      console.log('client set-cookie', JSON.stringify(res.headers['set-cookie']), res.headers['x-list']);
      res.resume();
      res.on('end', () => server.close());
    });
    console.log('request headers', clean(req.getHeaders()));
  });
});
