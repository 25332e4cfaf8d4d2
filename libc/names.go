package libc

// names maps the numbers in abi.go (and others the runtime or a program
// may try, so the counters can name an ENOSYS) to their Linux names. A
// static array: the trap world reads it before any package init runs.
var names = [...]string{
	0: "read", 1: "write", 2: "open", 3: "close", 4: "stat", 5: "fstat", 7: "poll", 8: "lseek",
	9: "mmap", 10: "mprotect", 11: "munmap", 12: "brk", 13: "rt_sigaction",
	14: "rt_sigprocmask", 15: "rt_sigreturn", 16: "ioctl", 17: "pread64", 20: "writev",
	21: "access", 22: "pipe", 24: "sched_yield", 27: "mincore", 28: "madvise",
	35: "nanosleep", 38: "setitimer", 39: "getpid", 41: "socket", 42: "connect",
	56: "clone", 57: "fork", 59: "execve", 60: "exit", 61: "wait4", 62: "kill", 63: "uname",
	72: "fcntl", 79: "getcwd", 89: "readlink", 96: "gettimeofday", 99: "sysinfo", 97: "getrlimit",
	102: "getuid", 103: "syslog", 104: "getgid", 107: "geteuid", 108: "getegid", 110: "getppid",
	131: "sigaltstack", 157: "prctl", 158: "arch_prctl", 186: "gettid", 200: "tkill",
	202: "futex", 203: "sched_setaffinity", 204: "sched_getaffinity", 213: "epoll_create", 217: "getdents64",
	218: "set_tid_address", 222: "timer_create", 223: "timer_settime", 226: "timer_delete",
	228: "clock_gettime", 229: "clock_getres", 230: "clock_nanosleep", 231: "exit_group",
	232: "epoll_wait", 233: "epoll_ctl", 234: "tgkill", 257: "openat", 262: "newfstatat",
	269: "faccessat", 270: "pselect6", 281: "epoll_pwait", 290: "eventfd2", 291: "epoll_create1",
	293: "pipe2", 302: "prlimit64", 309: "getcpu", 318: "getrandom", 332: "statx", 334: "rseq", 435: "clone3",
	439: "faccessat2", 441: "epoll_pwait2",
	SysEbbIRQWait: "ebb_irq_wait", SysEbbDMAAlloc: "ebb_dma_alloc", SysEbbIRQFD: "ebb_irq_fd",
}

// Name returns the Linux name of system call nr, or "" when unknown.
//
//go:nosplit
func Name(nr uint64) string {
	if nr < uint64(len(names)) {
		return names[nr]
	}
	return ""
}

// Counts counts system calls by number and how many of them got ENOSYS.
// The zero value is ready; it never allocates.
type Counts struct {
	calls  [MaxSyscall]uint32
	enosys [MaxSyscall]uint32
	other  uint32 // numbers >= MaxSyscall
}

// Add records one call; unknown says it was answered with ENOSYS.
//
//go:nosplit
func (c *Counts) Add(nr uint64, unknown bool) {
	if nr >= MaxSyscall {
		c.other++
		return
	}
	c.calls[nr]++
	if unknown {
		c.enosys[nr]++
	}
}

// Get returns the count of calls to nr and how many got ENOSYS.
//
//go:nosplit
func (c *Counts) Get(nr uint64) (calls, enosys uint32) {
	if nr >= MaxSyscall {
		return c.other, c.other
	}
	return c.calls[nr], c.enosys[nr]
}
