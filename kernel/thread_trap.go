package kernel

import "github.com/ebbnode/ebbnode/libc"

// The thread calls: clone, exit, gettid, futex, nanosleep, sched_yield.
// The threads themselves and their scheduler are in sched_trap.go. Trap
// world: //go:nosplit, no allocation.

// sysClone makes a thread: the parent's registers with RAX=0 and
// RSP=stack, the FS base tls with CLONE_SETTLS, the parent's signal mask
// and FP state. Processes (no CLONE_VM|CLONE_THREAD) get ENOSYS.
//
//go:nosplit
func sysClone(t *thread, a sysArgs) uint64 {
	flags, stack, tls := a[0], a[1], a[4]
	if flags&(libc.CloneVM|libc.CloneThread) != libc.CloneVM|libc.CloneThread {
		return errno(libc.ENOSYS)
	}
	i := newThread()
	if i < 0 {
		return errno(libc.EAGAIN)
	}
	c := &threads[i]
	c.tf = t.tf
	c.tf.RAX = 0
	c.tf.RSP = stack
	c.fsBase = t.fsBase
	if flags&libc.CloneSettls != 0 {
		c.fsBase = tls
	}
	c.sigMask = t.sigMask
	c.affinity = t.affinity
	// The parent is in a system call: its area's control words are
	// current, its registers caller-saved; the child starts from all of it.
	memcopy(fxArea(i), fxArea(thisCPU().curIdx), 512)
	c.fxFull = 1
	c.state = tRunnable
	madeRunnable(c)
	return uint64(c.tid)
}

// sysExit frees the thread's slot and runs another; the last thread's
// exit ends the machine with its status, as exit_group would.
//
//go:nosplit
func sysExit(t *thread, a sysArgs) uint64 {
	t.state = tFree
	nthreads--
	if nthreads == 0 {
		machineExitStatus(a[0])
	}
	schedule(true)
	return resultSet
}

//go:nosplit
func sysGettid(t *thread, _ sysArgs) uint64 { return uint64(t.tid) }

// sysFutex implements FUTEX_WAIT (EAGAIN when *addr != val, ETIMEDOUT
// after the relative timeout) and FUTEX_WAKE, keyed by the address;
// FUTEX_CLOCK_REALTIME is ignored (the runtime only uses relative waits).
//
//go:nosplit
func sysFutex(_ *thread, a sysArgs) uint64 {
	addr, op, val, timeout := a[0], a[1], a[2], a[3]
	if !userAccessible(addr, 4, false) {
		return errno(libc.EFAULT)
	}
	switch op &^ (libc.FutexPrivateFlag | libc.FutexClockRT) {
	case libc.FutexWait:
		if uint64(load32(uintptr(addr))) != val&0xffffffff {
			return errno(libc.EAGAIN)
		}
		deadline := uint64(0)
		if timeout != 0 {
			if !userAccessible(timeout, 16, false) {
				return errno(libc.EFAULT)
			}
			deadline = nanotime() + timespecNs(timeout) + 1
		}
		block(addr, deadline)
		schedule(false)
		return resultSet
	case libc.FutexWake:
		return futexWake(addr, val)
	}
	return errno(libc.ENOSYS)
}

// sysNanosleep parks the thread until the deadline. The remaining time is
// never written: nothing interrupts a sleep.
//
//go:nosplit
func sysNanosleep(_ *thread, a sysArgs) uint64 {
	if !userAccessible(a[0], 16, false) {
		return errno(libc.EFAULT)
	}
	block(0, nanotime()+timespecNs(a[0])+1)
	schedule(false)
	return resultSet
}

// sysSchedYield puts the thread behind the other runnable ones.
//
//go:nosplit
func sysSchedYield(t *thread, _ sysArgs) uint64 {
	t.tf.RAX = 0
	schedule(true)
	return resultSet
}

// timespecNs reads a struct timespec at addr as nanoseconds.
//
//go:nosplit
func timespecNs(addr uint64) uint64 {
	sec := load64(uintptr(addr))
	nsec := load64(uintptr(addr + 8))
	if int64(sec) < 0 || int64(nsec) < 0 {
		return 0
	}
	if sec > 1<<32 {
		sec = 1 << 32
	}
	return sec*1000000000 + nsec
}
