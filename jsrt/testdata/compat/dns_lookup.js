// dns.lookup without the network: IP literals (answered at once, as node
// does), localhost for IPv4, the promise forms and argument errors.
const dns = require('dns');
const dnsp = require('dns/promises');

dns.lookup('127.0.0.1', (err, address, family) => console.log('literal v4', err, address, family));
dns.lookup('::1', { all: true }, (err, list) => console.log('literal v6 all', err, JSON.stringify(list)));
// One lookup at a time: concurrent lookups may complete in any order.
dns.lookup('localhost', 4, (err, address, family) => {
  console.log('localhost v4', err, address, family);
  dns.lookup('localhost', { family: 4, all: true }, (err2, list) => {
    console.log('localhost all', err2, list.every((a) => a.family === 4));
    dnsp.lookup('localhost', { family: 4 }).then((r) => console.log('promise', JSON.stringify(r)));
  });
});
dns.lookup('', (err, address, family) => console.log('empty', err, address, family));
try { dnsp.lookup('localhost', { family: 'IPv4' }); } catch (e) { console.log('promises family', e.code); }
dns.promises.lookup('10.0.0.1').then((r) => console.log('promise literal', JSON.stringify(r)));
console.log('order', dns.getDefaultResultOrder(), 'codes', dns.NOTFOUND, dns.promises.TIMEOUT);
try { dns.lookup('localhost', 5, () => {}); } catch (e) { console.log(e.code); }
try { dns.lookup('localhost', { family: 4 }); } catch (e) { console.log(e.code, e.message); }
try { dns.lookup(42, () => {}); } catch (e) { console.log(e.code, e.message); }
