package kernel

import "github.com/ebbnode/ebbnode/libc"

// Process-wide system calls: identity, limits, randomness, the end of
// the machine. There is one process (pid 1, root) with no parent. Trap
// world: //go:nosplit, no allocation.

var (
	hasRDRAND    bool // CPUID.1:ECX[30]
	fallbackSeed uint64
)

//go:nosplit
func sysGetpid(_ *thread, _ sysArgs) uint64 { return 1 }

// sysRoot answers the uid and gid calls and getppid: 0.
//
//go:nosplit
func sysRoot(_ *thread, _ sysArgs) uint64 { return 0 }

// sysGetcwd answers "/": the Go world resolves paths against the host's
// working directory, which the image never sees.
//
//go:nosplit
func sysGetcwd(_ *thread, a sysArgs) uint64 {
	buf, size := a[0], a[1]
	if size < 2 {
		return errno(34) // ERANGE
	}
	if !userAccessible(buf, 2, true) {
		return errno(libc.EFAULT)
	}
	store8(uintptr(buf), '/')
	store8(uintptr(buf+1), 0)
	return 2
}

//go:nosplit
func sysUname(_ *thread, a sysArgs) uint64 {
	buf := a[0]
	if !userAccessible(buf, libc.UtsLen*libc.UtsNameCount, true) {
		return errno(libc.EFAULT)
	}
	memclr(uintptr(buf), libc.UtsLen*libc.UtsNameCount)
	f := uintptr(buf)
	storeString(f, libc.UtsSysname)
	storeString(f+libc.UtsLen, libc.UtsNodename)
	storeString(f+2*libc.UtsLen, libc.UtsRelease)
	storeString(f+3*libc.UtsLen, libc.UtsVersion)
	storeString(f+4*libc.UtsLen, libc.UtsMachine)
	return 0
}

// sysSysinfo fills struct sysinfo: uptime, the usable RAM of the E820
// map as totalram and the free frames of both pools as freeram (what
// os.totalmem and os.freemem report), one process; loads, shared,
// buffer and swap stay zero.
//
//go:nosplit
func sysSysinfo(_ *thread, a sysArgs) uint64 {
	buf := a[0]
	if !userAccessible(buf, libc.SysinfoSize, true) {
		return errno(libc.EFAULT)
	}
	memclr(uintptr(buf), libc.SysinfoSize)
	f := uintptr(buf)
	store64(f+libc.SysinfoUptime, nanotime()/1e9)
	store64(f+libc.SysinfoTotalram, ramBytes)
	store64(f+libc.SysinfoFreeram, freeFrames()*pageSize)
	store16(f+libc.SysinfoProcs, 1)
	store32(f+libc.SysinfoMemUnit, 1)
	return 0
}

// sysPrlimit reports RLIMIT_NOFILE as 1024/4096 (the runtime raises its
// soft limit to the hard one) and every other limit as infinity; new
// limits are accepted and ignored.
//
//go:nosplit
func sysPrlimit(_ *thread, a sysArgs) uint64 {
	resource, old := a[1], a[3]
	if old != 0 {
		if !userAccessible(old, 16, true) {
			return errno(libc.EFAULT)
		}
		cur, max := ^uint64(0), ^uint64(0)
		if resource == 7 { // RLIMIT_NOFILE
			cur, max = 1024, 4096
		}
		store64(uintptr(old), cur)
		store64(uintptr(old+8), max)
	}
	return 0
}

// sysGetrandom fills the buffer from random64.
//
//go:nosplit
func sysGetrandom(_ *thread, a sysArgs) uint64 {
	buf, n := a[0], a[1]
	if !userAccessible(buf, n, true) {
		return errno(libc.EFAULT)
	}
	for i := uint64(0); i < n; i += 8 {
		v := random64()
		for j := uint64(0); j < 8 && i+j < n; j++ {
			store8(uintptr(buf+i+j), uint8(v>>(8*j)))
		}
	}
	return n
}

// random64 returns RDRAND output, or a TSC-mixed fallback when the CPU has
// no RDRAND (reported once at boot).
//
//go:nosplit
func random64() uint64 {
	if hasRDRAND {
		if v, ok := rdrand(); ok {
			return v
		}
	}
	// splitmix64 over the TSC: TCG's TSC follows the host clock, so the
	// stream differs between boots, but it is not cryptographic.
	fallbackSeed += rdtsc() * 0x9E3779B97F4A7C15
	x := fallbackSeed
	x = (x ^ x>>30) * 0xBF58476D1CE4E5B9
	x = (x ^ x>>27) * 0x94D049BB133111EB
	return x ^ x>>31
}

// sysPrctl: the runtime's PR_SET_NAME-style calls are optional; EINVAL.
//
//go:nosplit
func sysPrctl(_ *thread, _ sysArgs) uint64 { return errno(libc.EINVAL) }

// sysArchPrctl sets or reads the thread's FS base (its TLS); resumeUser
// loads it on every return to the thread.
//
//go:nosplit
func sysArchPrctl(t *thread, a sysArgs) uint64 {
	switch a[0] {
	case libc.ArchSetFS:
		t.fsBase = a[1]
	case libc.ArchGetFS:
		if !userAccessible(a[1], 8, true) {
			return errno(libc.EFAULT)
		}
		store64(uintptr(a[1]), t.fsBase)
	default:
		return errno(libc.EINVAL)
	}
	return 0
}

// sysSchedGetaffinity reports the CPUs thread pid (0: the caller) may
// run on: the online ones (bit i is cpus[i]) unless sched_setaffinity
// narrowed them. The runtime sizes GOMAXPROCS from the caller's.
//
//go:nosplit
func sysSchedGetaffinity(t *thread, a sysArgs) uint64 {
	size, mask := a[1], a[2]
	if size < 8 || !userAccessible(mask, 8, true) {
		return errno(libc.EINVAL)
	}
	if a[0] != 0 {
		if t = threadByTID(a[0]); t == nil {
			return errno(libc.ESRCH)
		}
	}
	m := onlineMask()
	if t.affinity != 0 {
		m &= uint64(t.affinity)
	}
	store64(uintptr(mask), m)
	return 8
}

// sysSchedSetaffinity pins thread pid (0: the caller) to the online CPUs
// in the mask; the caller, if it may no longer run here, moves at once.
//
//go:nosplit
func sysSchedSetaffinity(t *thread, a sysArgs) uint64 {
	size, mask := a[1], a[2]
	if size == 0 || !userAccessible(mask, min(size, 8), false) {
		return errno(libc.EFAULT)
	}
	m := uint64(load8(uintptr(mask)))
	if size >= 8 {
		m = load64(uintptr(mask))
	}
	m &= onlineMask()
	if m == 0 {
		return errno(libc.EINVAL)
	}
	self := t
	if a[0] != 0 {
		if t = threadByTID(a[0]); t == nil {
			return errno(libc.ESRCH)
		}
	}
	t.affinity = uint32(m)
	if t == self && m&(1<<uint(thisCPU().index)) == 0 {
		t.tf.RAX = 0
		madeRunnable(t)
		schedule(true)
		return resultSet
	}
	return 0
}

// threadByTID returns the live thread with that id, or nil.
//
//go:nosplit
func threadByTID(tid uint64) *thread {
	for i := 0; i < threadsUsed; i++ {
		if t := &threads[i]; t.state != tFree && uint64(t.tid) == tid {
			return t
		}
	}
	return nil
}

// sysExitGroup ends the machine with the status.
//
//go:nosplit
func sysExitGroup(_ *thread, a sysArgs) uint64 {
	machineExitStatus(a[0])
	return resultSet // not reached
}

// machineExitStatus ends the machine with the process's exit status,
// printing the debug summaries first.
//
//go:nosplit
func machineExitStatus(status uint64) {
	if debugSys {
		printCounts()
		printProfile()
	}
	if debugCounters {
		printCounters()
	}
	if debugMM {
		kprint("ebbnode: demand-paged mappings: 2M=")
		kprintDec(mmStats.huge)
		kprint(" 4K=")
		kprintDec(mmStats.small)
		kprint(" splits=")
		kprintDec(mmStats.splits)
		kprint(" free=")
		kprintDec(freeFrames() * pageSize >> 10)
		kprint("K\n")
	}
	machineExit(uint8(status))
}

// sysGetcpu writes the index of the CPU running the caller and NUMA node
// 0 (either pointer may be nil).
//
//go:nosplit
func sysGetcpu(_ *thread, a sysArgs) uint64 {
	cpu, node := a[0], a[1]
	if (cpu != 0 && !userAccessible(cpu, 4, true)) || (node != 0 && !userAccessible(node, 4, true)) {
		return errno(libc.EFAULT)
	}
	if cpu != 0 {
		store32(uintptr(cpu), uint32(thisCPU().index))
	}
	if node != 0 {
		store32(uintptr(node), 0)
	}
	return 0
}
