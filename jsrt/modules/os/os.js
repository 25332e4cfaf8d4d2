'use strict';
// node's 'os' module. Go helpers supply the facts (see sysinfo.go).

const signalOrder = ['SIGHUP', 'SIGINT', 'SIGQUIT', 'SIGILL', 'SIGTRAP', 'SIGABRT', 'SIGIOT',
  'SIGBUS', 'SIGFPE', 'SIGKILL', 'SIGUSR1', 'SIGSEGV', 'SIGUSR2', 'SIGPIPE', 'SIGALRM',
  'SIGTERM', 'SIGCHLD', 'SIGSTKFLT', 'SIGCONT', 'SIGSTOP', 'SIGTSTP', 'SIGTTIN', 'SIGTTOU',
  'SIGURG', 'SIGXCPU', 'SIGXFSZ', 'SIGVTALRM', 'SIGPROF', 'SIGWINCH', 'SIGIO', 'SIGPOLL',
  'SIGPWR', 'SIGSYS'];

function ordered(map, order) {
  const out = Object.create(null);
  for (const k of order || Object.keys(map).sort()) out[k] = map[k];
  return Object.freeze(out);
}

const constants = Object.freeze({
  UV_UDP_REUSEADDR: 4,
  dlopen: Object.freeze(Object.assign(Object.create(null), {
    RTLD_LAZY: 1, RTLD_NOW: 2, RTLD_GLOBAL: 256, RTLD_LOCAL: 0, RTLD_DEEPBIND: 8,
  })),
  errno: ordered(internal.errnos()),
  signals: ordered(internal.signals(), signalOrder),
  priority: Object.freeze(Object.assign(Object.create(null), {
    PRIORITY_LOW: 19, PRIORITY_BELOW_NORMAL: 10, PRIORITY_NORMAL: 0,
    PRIORITY_ABOVE_NORMAL: -7, PRIORITY_HIGH: -14, PRIORITY_HIGHEST: -20,
  })),
});

function envVar(name) {
  if (typeof process === 'object' && process !== null && process.env) return process.env[name];
  return undefined;
}

function tmpdir() {
  let path = envVar('TMPDIR') || envVar('TMP') || envVar('TEMP') || '/tmp';
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  return path;
}

function homedir() { return envVar('HOME') || internal.homedir(); }

function cpus() {
  return Array.from(internal.cpus(), (c) => ({
    model: c.model,
    speed: c.speed,
    times: { user: c.times.user, nice: c.times.nice, sys: c.times.sys, idle: c.times.idle, irq: c.times.irq },
  }));
}

function userInfo() {
  const u = internal.userInfo();
  return Object.assign(Object.create(null), {
    uid: u.uid, gid: u.gid, username: u.username, homedir: u.homedir, shell: u.shell,
  });
}

const uts = internal.uname();

module.exports = {
  EOL: '\n',
  arch: () => 'x64',
  availableParallelism: () => internal.parallelism(),
  constants,
  cpus,
  devNull: '/dev/null',
  endianness: () => 'LE',
  freemem: () => internal.freemem(),
  getPriority: () => 0,
  homedir,
  hostname: () => internal.hostname(),
  loadavg: () => Array.from(internal.loadavg()),
  machine: () => uts.machine,
  // From the network service (internal/netif, in the net package).
  networkInterfaces: () => require('internal/netif').interfaces(),
  platform: () => 'linux',
  release: () => uts.release,
  setPriority: () => {},
  tmpdir,
  totalmem: () => internal.totalmem(),
  type: () => 'Linux',
  uptime: () => internal.uptime(),
  userInfo,
  version: () => uts.version,
};
