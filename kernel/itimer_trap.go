package kernel

import "github.com/ebbnode/ebbnode/libc"

// The profiling timer behind runtime/pprof: setitimer(ITIMER_PROF) sends
// SIGPROF (si_code SI_KERNEL, as Linux's) to the running thread once per
// interval of time its CPU spends out of the idle loop, which is what the
// Go runtime's process-wide profiler expects (it asks for per-thread
// timer_create clocks first; EINVAL sends it here). Each CPU keeps its own
// next expiry (cpuState.profAt): the timer interrupt delivers the signal
// when it is due, armAtExit arms the LAPIC for it, and time halted idle
// pushes it back. Trap world: //go:nosplit, no allocation, under trapLock.

// profInterval is ITIMER_PROF's interval in nanoseconds; 0 when off.
var profInterval uint64

// sysSetitimer sets ITIMER_PROF (others: EINVAL) and returns the old
// setting. A one-shot timer (no interval) is taken as periodic with its
// value: the runtime never asks for one.
//
//go:nosplit
func sysSetitimer(_ *thread, a sysArgs) uint64 {
	which, nv, ov := a[0], a[1], a[2]
	if which != libc.ItimerProf {
		return errno(libc.EINVAL)
	}
	now := nanotime()
	c := thisCPU()
	if ov != 0 {
		if !userAccessible(ov, libc.ItimervalSize, true) {
			return errno(libc.EFAULT)
		}
		left := uint64(0)
		if profInterval != 0 && c.profAt > now {
			left = c.profAt - now
		}
		storeTimeval(uintptr(ov), profInterval)
		storeTimeval(uintptr(ov+16), left)
	}
	if nv == 0 {
		return 0
	}
	if !userAccessible(nv, libc.ItimervalSize, false) {
		return errno(libc.EFAULT)
	}
	interval, value := loadTimeval(uintptr(nv)), loadTimeval(uintptr(nv+16))
	if interval == ^uint64(0) || value == ^uint64(0) {
		return errno(libc.EINVAL)
	}
	if value == 0 {
		profInterval = 0
	} else {
		if interval == 0 {
			interval = value
		}
		profInterval = interval
		for i := 0; i < ncpus; i++ {
			cpus[i].profAt = now + value
		}
	}
	// Every CPU re-arms its timer at its next trap exit; the others are
	// told at once, as a CPU-bound thread may not trap for a while.
	c.timerDirty = true
	if nonline > 1 {
		sendIPIAll(vecWake)
	}
	return 0
}

// sysTimerCreate has no clock to offer: EINVAL, as Linux answers for a
// clock it does not support.
//
//go:nosplit
func sysTimerCreate(_ *thread, _ sysArgs) uint64 { return errno(libc.EINVAL) }

// profTick sends the running thread SIGPROF if this CPU's profiling
// timer is due at now, and schedules the next expiry. Called from the
// timer interrupt before the scheduler may switch threads. It reports
// whether the timer was due.
//
//go:nosplit
func profTick(now uint64) bool {
	c := thisCPU()
	if profInterval == 0 || now < c.profAt {
		return false
	}
	c.profAt = now + profInterval
	c.timerDirty = true
	// A thread that blocks SIGPROF, or has no handler, misses the tick.
	deliverSignal(current(), libc.SIGPROF, 0, libc.SiKernel)
	return true
}

// profDeadline folds this CPU's profiling expiry into next, the deadline
// armAtExit arms the timer for (0: none).
//
//go:nosplit
func profDeadline(next uint64) uint64 {
	if profInterval == 0 {
		return next
	}
	at := thisCPU().profAt
	if next == 0 || at < next {
		return at
	}
	return next
}

// profIdled pushes this CPU's profiling expiry back by the time it spent
// idle: only time spent running counts, as CPU time does on Linux.
//
//go:nosplit
func profIdled(d uint64) {
	if profInterval != 0 {
		thisCPU().profAt += d
	}
}

// loadTimeval reads a struct timeval in nanoseconds; ^0 if it is invalid
// (negative, or microseconds out of range).
//
//go:nosplit
func loadTimeval(p uintptr) uint64 {
	sec, usec := int64(load64(p)), int64(load64(p+8))
	if sec < 0 || usec < 0 || usec >= 1000000 || sec > 1<<32 {
		return ^uint64(0)
	}
	return uint64(sec)*1000000000 + uint64(usec)*1000
}

// storeTimeval writes ns as a struct timeval.
//
//go:nosplit
func storeTimeval(p uintptr, ns uint64) {
	store64(p, ns/1000000000)
	store64(p+8, ns%1000000000/1000)
}
