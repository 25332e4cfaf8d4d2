'use strict';
// node's dns module: lookup (getaddrinfo's answers, through the network
// service's LookupIP), resolve4/resolve6 and their promise forms. There is
// no resolver of our own: resolve* answer from the same lookup, so they
// see /etc/hosts as getaddrinfo does (node's c-ares would not).

const errors = require('internal/errors');
const { isIP } = require('net');
const binding = internal;

const validFamilies = [0, 4, 6];
let defaultOrder = 'verbatim';

function dnsException(info, syscall, hostname) {
  const err = new Error(`${syscall} ${info.code}${hostname ? ` ${hostname}` : ''}`);
  err.errno = info.errno;
  err.code = info.code;
  err.syscall = syscall;
  if (hostname) err.hostname = hostname;
  return err;
}

function lookupOptions(options, callback) {
  let family = 0;
  let all = false;
  let order = defaultOrder;
  if (typeof options === 'function') {
    return { callback: options, family, all, order };
  }
  if (typeof options === 'number') {
    errors.validateFunction(callback, 'callback');
    if (!validFamilies.includes(options)) {
      throw errors.invalidArgValue('family', options, 'must be one of: 0, 4, 6');
    }
    return { callback, family: options, all, order };
  }
  if (options !== undefined && typeof options !== 'object') {
    errors.validateFunction(callback, 'callback');
    throw errors.invalidArgType('options', ['integer', 'object'], options);
  }
  errors.validateFunction(callback, 'callback');
  if (options && options.family != null) {
    if (options.family === 'IPv4') family = 4;
    else if (options.family === 'IPv6') family = 6;
    else if (validFamilies.includes(options.family)) family = options.family;
    else throw errors.invalidArgValue('options.family', options.family, 'must be one of: 0, 4, 6');
  }
  if (options && options.all != null) all = !!options.all;
  if (options && options.verbatim != null) order = options.verbatim ? 'verbatim' : 'ipv4first';
  if (options && options.order != null) order = options.order;
  return { callback, family, all, order };
}

function sortFor(order, addrs) {
  if (order === 'verbatim') return addrs;
  const first = order === 'ipv6first' ? 6 : 4;
  return addrs.filter((a) => a.family === first).concat(addrs.filter((a) => a.family !== first));
}

function lookup(hostname, options, callback) {
  if (hostname) errors.validateString(hostname, 'hostname');
  const o = lookupOptions(options, callback);
  const cb = o.callback;
  if (!hostname) {
    if (o.all) process.nextTick(cb, null, []);
    else process.nextTick(cb, null, null, o.family === 6 ? 6 : 4);
    return {};
  }
  const matched = isIP(hostname);
  if (matched) {
    if (o.all) process.nextTick(cb, null, [{ address: hostname, family: matched }]);
    else process.nextTick(cb, null, hostname, matched);
    return {};
  }
  const network = o.family === 4 ? 'ip4' : o.family === 6 ? 'ip6' : 'ip';
  binding.lookup(hostname, network, (info, list) => {
    if (info) {
      cb(dnsException(info, 'getaddrinfo', hostname));
      return;
    }
    const addrs = sortFor(o.order, list.map((address) => ({ address, family: isIP(address) })));
    if (o.all) cb(null, addrs);
    else cb(null, addrs[0].address, addrs[0].family);
  });
  return {};
}

function resolver(family, syscall) {
  return function resolve(hostname, options, callback) {
    errors.validateString(hostname, 'name');
    if (typeof options === 'function') { callback = options; options = {}; }
    errors.validateFunction(callback, 'callback');
    binding.lookup(hostname, family === 4 ? 'ip4' : 'ip6', (info, list) => {
      if (info) {
        const code = info.code === 'EAI_AGAIN' ? 'ETIMEOUT' : info.code === 'ENOTFOUND' ? 'ENOTFOUND' : 'ESERVFAIL';
        const err = new Error(`${syscall} ${code} ${hostname}`);
        err.errno = undefined;
        err.code = code;
        err.syscall = syscall;
        err.hostname = hostname;
        callback(err);
        return;
      }
      const out = list.filter((a) => isIP(a) === family);
      callback(null, options && options.ttl ? out.map((address) => ({ address, ttl: 0 })) : out);
    });
    return {};
  };
}

const resolve4 = resolver(4, 'queryA');
const resolve6 = resolver(6, 'queryAaaa');

function resolve(hostname, rrtype, callback) {
  if (typeof rrtype === 'function') { callback = rrtype; rrtype = 'A'; }
  if (rrtype === 'A') return resolve4(hostname, callback);
  if (rrtype === 'AAAA') return resolve6(hostname, callback);
  throw errors.invalidArgValue('rrtype', rrtype);
}

function promisify(fn, spread) {
  return (...args) => new Promise((resolve, reject) => {
    fn(...args, (err, a, b) => {
      if (err) reject(err);
      else resolve(spread ? a : a);
    });
  });
}

const promises = {
  lookup(hostname, options) {
    if (options && typeof options === 'object' && options.family != null && !validFamilies.includes(options.family)) {
      throw errors.invalidArgValue('options.family', options.family, 'must be one of: 0, 4, 6');
    }
    return new Promise((resolve, reject) => {
      const all = options && typeof options === 'object' && options.all;
      lookup(hostname, options === undefined ? {} : options, (err, address, family) => {
        if (err) reject(err);
        else if (all) resolve(address);
        else resolve({ address, family });
      });
    });
  },
  resolve4: promisify(resolve4),
  resolve6: promisify(resolve6),
  resolve: promisify(resolve),
  setDefaultResultOrder,
  getDefaultResultOrder,
};

function setDefaultResultOrder(order) {
  if (!['verbatim', 'ipv4first', 'ipv6first'].includes(order)) {
    throw errors.invalidArgValue('dnsOrder', order, "must be one of: 'verbatim', 'ipv4first', 'ipv6first'");
  }
  defaultOrder = order;
}
function getDefaultResultOrder() { return defaultOrder; }

const codes = {
  NODATA: 'ENODATA', FORMERR: 'EFORMERR', SERVFAIL: 'ESERVFAIL', NOTFOUND: 'ENOTFOUND',
  NOTIMP: 'ENOTIMP', REFUSED: 'EREFUSED', BADQUERY: 'EBADQUERY', BADNAME: 'EBADNAME',
  BADFAMILY: 'EBADFAMILY', BADRESP: 'EBADRESP', CONNREFUSED: 'ECONNREFUSED', TIMEOUT: 'ETIMEOUT',
  EOF: 'EOF', FILE: 'EFILE', NOMEM: 'ENOMEM', DESTRUCTION: 'EDESTRUCTION', BADSTR: 'EBADSTR',
  BADFLAGS: 'EBADFLAGS', NONAME: 'ENONAME', BADHINTS: 'EBADHINTS', NOTINITIALIZED: 'ENOTINITIALIZED',
  LOADIPHLPAPI: 'ELOADIPHLPAPI', ADDRGETNETWORKPARAMS: 'EADDRGETNETWORKPARAMS', CANCELLED: 'ECANCELLED',
};

module.exports = {
  lookup, resolve, resolve4, resolve6,
  setDefaultResultOrder, getDefaultResultOrder,
  ADDRCONFIG: 1024, ALL: 256, V4MAPPED: 2048,
  ...codes,
  promises: { ...promises, ...codes },
};
