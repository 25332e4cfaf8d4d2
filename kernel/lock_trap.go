package kernel

import "sync/atomic"

// The trap lock and TLB shootdown. Every CPU runs the trap world with
// interrupts off; what the trap world shares between CPUs (the thread
// table and run queue, the page tables, the frame pools, the mmap areas,
// the fd and signal tables, the counters) is guarded by one spinlock,
// trapLock: a CPU takes it on entry from ring 3 (userTrap), for a device
// interrupt taken while idle (kernelTrap), and in the idle loop; it
// drops it only to halt and just before resuming a thread. Per-CPU state
// (cpuState, through GS) needs no lock. Trap world: //go:nosplit, no
// allocation.
//
// A page-table change that narrows a mapping (munmap, madvise, mprotect,
// a large-page split) invalidates the page locally at once (flushTLB) and
// marks the TLBs of the other CPUs stale; before the lock is released
// (or before a freed frame is reused in the same trap) shootdown sends
// vecShootdown to the other CPUs and waits until each online CPU has
// reloaded CR3. A CPU spinning for trapLock serves shootdowns while it
// spins, so the holder never waits for a CPU that waits for it.

var (
	trapLock uint32
	// tlbGen counts shootdowns; cpuState.tlbSeen is the last one a CPU
	// served.
	tlbGen uint64
	// tlbStale is set (under trapLock) when a translation other CPUs may
	// cache was narrowed.
	tlbStale bool
)

// lockTrap takes trapLock, serving TLB shootdowns while it waits.
//
//go:nosplit
func lockTrap() {
	if atomic.CompareAndSwapUint32(&trapLock, 0, 1) {
		return
	}
	t0 := uint64(0)
	if debugSys {
		t0 = rdtsc()
	}
	for !atomic.CompareAndSwapUint32(&trapLock, 0, 1) {
		for atomic.LoadUint32(&trapLock) != 0 {
			serveShootdown()
			cpuRelax()
		}
	}
	// Under the lock now: the profile's figures are shared.
	prof.lockWaits++
	if debugSys {
		prof.lockWaitTSC += rdtsc() - t0
	}
}

// unlockTrap releases trapLock, first making every CPU's TLB agree with
// the page tables.
//
//go:nosplit
func unlockTrap() {
	if tlbStale {
		shootdown()
	}
	atomic.StoreUint32(&trapLock, 0)
}

// flushPage drops va's translation on this CPU and marks the other CPUs'
// TLBs stale (flushTLB's default).
//
//go:nosplit
func flushPage(va uintptr) {
	invlpg(va)
	if nonline > 1 {
		tlbStale = true
	}
}

// shootdown makes every other online CPU flush its TLB and waits for
// them; the caller holds trapLock.
//
//go:nosplit
func shootdown() {
	tlbStale = false
	if nonline < 2 {
		return
	}
	prof.shootdowns++
	gen := atomic.AddUint64(&tlbGen, 1)
	me := thisCPU()
	atomic.StoreUint64(&me.tlbSeen, gen)
	sendIPIAll(vecShootdown)
	for i := 0; i < ncpus; i++ {
		c := &cpus[i]
		for atomic.LoadUint32(&c.online) != 0 && atomic.LoadUint64(&c.tlbSeen) < gen {
			cpuRelax()
		}
	}
}

// serveShootdown reloads CR3 if a shootdown is pending for this CPU.
//
//go:nosplit
func serveShootdown() {
	c := thisCPU()
	if gen := atomic.LoadUint64(&tlbGen); atomic.LoadUint64(&c.tlbSeen) < gen {
		writeCR3(readCR3())
		atomic.StoreUint64(&c.tlbSeen, gen)
	}
}

// sendIPIAll sends a fixed interrupt on vector v to every CPU but this
// one (destination shorthand "all excluding self").
//
//go:nosplit
func sendIPIAll(v uint32) {
	lapicWrite(lapicICRLow, 3<<18|v)
	for i := 0; i < 1000000 && lapicRead(lapicICRLow)&icrPending != 0; i++ {
		cpuRelax()
	}
}
