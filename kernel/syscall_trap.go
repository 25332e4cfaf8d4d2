package kernel

import "github.com/ebbnode/ebbnode/libc"

// The system-call table and its dispatcher. Package libc holds the ABI
// (numbers, errnos, layouts); this file says what the kernel does with
// each call, one line per call, and names the handler that does it.
// Trap world: //go:nosplit, no allocation; handlers run under trapLock.

// sysArgs are a call's six arguments in ABI order (RDI, RSI, RDX, R10, R8,
// R9). Handlers take them by value: a pointer passed through the table's
// function values would escape, and the trap world cannot allocate.
type sysArgs [6]uint64

// A sysFunc handles one call from thread t and returns its result for RAX,
// or resultSet when it has parked t (wake sets the result) or set t's
// registers itself.
type sysFunc func(t *thread, a sysArgs) uint64

// resultSet is no call's result: Linux returns errors in [-4095, -1] and
// addresses below the user half's end, never a value with only bit 63 set.
const resultSet = 1 << 63

// sysCall is one row of the table.
type sysCall struct {
	name string  // Linux's name (libc.Name agrees; TestSysTableNames)
	fn   sysFunc // nil: ENOSYS
	note string  // what the kernel does, in one line
}

// sysTable maps a call's number to its handler. Numbers it lacks get
// ENOSYS and are counted. The Go runtime makes system calls before any
// package is initialised, so the table must be laid out by the compiler in
// the image's data, never filled in by an init function: it holds only
// constants and top-level functions (TestSysTableIsStatic checks).
var sysTable = [...]sysCall{
	libc.SysRead:             {"read", sysRead, "fd 0: end of file; the eventfd: takes its counter (EAGAIN at 0); IRQ fds: interrupts since the last read; others EBADF"},
	libc.SysWrite:            {"write", sysWrite, "fds 1, 2: the serial console, byte-exact; the eventfd: adds and wakes epoll; others EBADF"},
	libc.SysClose:            {"close", sysClose, "the epoll instance, the eventfd or an IRQ fd: closed; fds 0-2: 0 and stay open; others EBADF"},
	libc.SysMmap:             {"mmap", sysMmap, "anonymous only (else ENODEV), above 4 GiB, demand-paged and zeroed, 2 MiB pages where possible"},
	libc.SysMprotect:         {"mprotect", sysMprotect, "records the protection for later faults; present pages keep their access (limit)"},
	libc.SysMunmap:           {"munmap", sysMunmap, "frees the frames and forgets the range"},
	libc.SysRtSigaction:      {"rt_sigaction", sysSigaction, "stores the action of signals 1-64 (the kernel delivers SIGSEGV, SIGILL, SIGFPE and SIGPROF)"},
	libc.SysRtSigprocmask:    {"rt_sigprocmask", sysSigprocmask, "the thread's mask, stored and returned"},
	libc.SysRtSigreturn:      {"rt_sigreturn", sysSigreturn, "restores the registers and FP state saved in the rt_sigframe"},
	libc.SysSchedYield:       {"sched_yield", sysSchedYield, "round-robin to the next runnable thread"},
	libc.SysMadvise:          {"madvise", sysMadvise, "DONTNEED frees (reads back zero); FREE frees only when memory is short; others 0"},
	libc.SysNanosleep:        {"nanosleep", sysNanosleep, "parks the thread until the deadline (TSC clock, LAPIC timer)"},
	libc.SysSetitimer:        {"setitimer", sysSetitimer, "ITIMER_PROF: SIGPROF per interval of time a CPU runs the Go world (runtime/pprof); others EINVAL"},
	libc.SysTimerCreate:      {"timer_create", sysTimerCreate, "EINVAL: no per-thread CPU clocks, so the runtime's profiler uses setitimer"},
	libc.SysGetpid:           {"getpid", sysGetpid, "1: one process"},
	libc.SysClone:            {"clone", sysClone, "threads only (CLONE_VM|CLONE_THREAD, else ENOSYS), CLONE_SETTLS honoured"},
	libc.SysExit:             {"exit", sysExit, "ends the thread; the last thread's exit ends the machine with its status"},
	libc.SysUname:            {"uname", sysUname, "ebbnode, release 6.1.0-ebbnode, machine x86_64"},
	libc.SysFcntl:            {"fcntl", sysFcntl, "fds 0-2: 0 (blocking, no flags); IRQ fds: O_RDWR|O_NONBLOCK; others EBADF"},
	libc.SysGetcwd:           {"getcwd", sysGetcwd, `"/"`},
	libc.SysSysinfo:          {"sysinfo", sysSysinfo, "uptime, RAM in the E820 map and free frames (mem_unit 1), 1 process; no loads or swap"},
	libc.SysGetuid:           {"getuid", sysRoot, "0: root"},
	libc.SysGetgid:           {"getgid", sysRoot, "0: root"},
	libc.SysGeteuid:          {"geteuid", sysRoot, "0: root"},
	libc.SysGetegid:          {"getegid", sysRoot, "0: root"},
	libc.SysGetppid:          {"getppid", sysRoot, "0: no parent"},
	libc.SysSigaltstack:      {"sigaltstack", sysSigaltstack, "the thread's alternate signal stack, stored and returned"},
	libc.SysPrctl:            {"prctl", sysPrctl, "EINVAL"},
	libc.SysArchPrctl:        {"arch_prctl", sysArchPrctl, "ARCH_SET_FS and ARCH_GET_FS; others EINVAL"},
	libc.SysGettid:           {"gettid", sysGettid, "the thread id (1 for the first thread)"},
	libc.SysFutex:            {"futex", sysFutex, "WAIT (relative timeout) and WAKE, keyed by address; other operations ENOSYS"},
	libc.SysSchedSetaffinity: {"sched_setaffinity", sysSchedSetaffinity, "pins a thread (0: the caller) to the online CPUs in the mask; EINVAL if none, ESRCH for an unknown tid"},
	libc.SysSchedGetaffinity: {"sched_getaffinity", sysSchedGetaffinity, "the thread's CPUs: the online ones unless pinned (GOMAXPROCS = vCPUs started)"},
	libc.SysClockGettime:     {"clock_gettime", sysClockGettime, "the TSC clock; REALTIME adds the RTC at boot (the vDSO answers without trapping)"},
	libc.SysExitGroup:        {"exit_group", sysExitGroup, "ends the machine: the status byte goes to isa-debug-exit"},
	libc.SysEpollCtl:         {"epoll_ctl", sysEpollCtl, "the eventfd and IRQ fds can be watched; other fds EPERM (not pollable)"},
	libc.SysOpenat:           {"openat", sysOpenat, "ENOENT: no file system (files are offloaded to the host in the Go world)"},
	libc.SysEpollPwait:       {"epoll_pwait", sysEpollWait, "reports the eventfd if its counter is set and IRQ fds with new interrupts, else parks until the timeout, a write or such an interrupt"},
	libc.SysEventfd2:         {"eventfd2", sysEventfd, "one eventfd (fd 4): the runtime's netpollBreak"},
	libc.SysEpollCreate1:     {"epoll_create1", sysEpollCreate, "one epoll instance (fd 3); a second EMFILE"},
	libc.SysPrlimit64:        {"prlimit64", sysPrlimit, "RLIMIT_NOFILE 1024/4096, others infinity; sets are accepted"},
	libc.SysGetcpu:           {"getcpu", sysGetcpu, "the CPU running the caller (its bit in the affinity masks) and node 0"},
	libc.SysGetrandom:        {"getrandom", sysGetrandom, "RDRAND, or a TSC-seeded splitmix64 stream without it (not cryptographic)"},
	libc.SysEbbIRQWait:       {"ebb_irq_wait", sysIRQWait, "(vector, seen, timeout_ns): a device vector's interrupt count once it differs from seen"},
	libc.SysEbbDMAAlloc:      {"ebb_dma_alloc", sysDMAAlloc, "(bytes): zeroed contiguous frames below 4 GiB, identity-mapped, never freed"},
	libc.SysEbbIRQFD:         {"ebb_irq_fd", sysIRQFD, "(vector): a non-blocking descriptor (16+) that read and epoll report the vector's interrupts on"},
}

var (
	counts    libc.Counts
	debugSys  bool // ebbnode.debug=syscalls: print the counts at exit
	debugBoot bool // ebbnode.debug=boot: print boot timing
	// debugAPFail (ebbnode.debug=apfail) withholds the start-up IPI from
	// the last AP, so tests see the boot go on without it.
	debugAPFail bool
	debugMM     bool // ebbnode.debug=mmap: print every mmap
	// debugCounters (ebbnode.debug=counters) prints the kernel's
	// counters in one line at exit (printCounters): `ebbnode bench`
	// records them for every run of the native image.
	debugCounters bool
)

// sysDispatch handles a SYSCALL from the current thread t: it counts the
// call, looks it up in sysTable and puts the result in t's RAX (unless the
// handler parked t or set its registers: see resultSet).
//
//go:nosplit
func sysDispatch(t *thread) {
	tf := &t.tf
	nr := tf.RAX
	var fn sysFunc
	if nr < uint64(len(sysTable)) {
		fn = sysTable[nr].fn
	}
	prof.syscalls++
	counts.Add(nr, fn == nil)
	if fn == nil {
		tf.RAX = errno(libc.ENOSYS)
		return
	}
	if ret := fn(t, sysArgs{tf.RDI, tf.RSI, tf.RDX, tf.R10, tf.R8, tf.R9}); ret != resultSet {
		tf.RAX = ret
	}
}

// errno encodes -e as the raw RAX value.
//
//go:nosplit
func errno(e int) uint64 { return uint64(-int64(e)) }

// printCounts prints the per-number counts (ebbnode.debug=syscalls). It
// names calls through libc.Name, not sysTable: the table's handlers lead
// here, and a variable whose initialiser reaches itself cannot be static.
//
//go:nosplit
func printCounts() {
	kprint("ebbnode: syscalls:")
	for nr := uint64(0); nr < libc.MaxSyscall; nr++ {
		n, e := counts.Get(nr)
		if n == 0 {
			continue
		}
		kprint(" ")
		if name := libc.Name(nr); name != "" {
			kprint(name)
		} else {
			kprint("sys")
			kprintDec(nr)
		}
		kprint("=")
		kprintDec(uint64(n))
		if e != 0 {
			kprint("(ENOSYS)")
		}
	}
	kprint("\n")
}
