package kernel

import "github.com/ebbnode/ebbnode/libc"

// Threads and the scheduler. A thread is a saved user context; the kernel
// itself has one stack per CPU and never blocks on it: a blocking call
// marks the thread blocked and another thread's context is resumed, and the
// call's result is written into the blocked thread's RAX when it wakes.
// Trap world: //go:nosplit, no allocation, fixed arrays.

const (
	maxThreads = 128
	quantumNs  = 4000000 // preemption quantum: 4 ms
)

// Thread states.
const (
	tFree = iota
	tRunnable
	tBlocked // futex wait or nanosleep: deadline and/or futex address
)

type thread struct {
	tf       trapFrame // must be first: the entry stubs save into it
	fsBase   uint64
	fx       [512 + 16]byte // FXSAVE area (16-aligned inside)
	state    uint32
	tid      uint32
	futex    uint64 // address waited on, 0 for a plain sleep
	deadline uint64 // nanotime at which to wake, 0 = none
	timedOut uint64 // RAX when the deadline passes
	sigMask  uint64
	altSP    uint64
	altSize  uint64
	altFlags uint64
	onCPU    uint32 // 1 + index of the CPU running it, 0 when none
	affinity uint32 // CPUs it may run on (bit i: cpus[i]), 0 = any
	// fxFull is 1 when fx holds the thread's whole FPU/SSE state (saved
	// by an interrupt or fault, or set by clone or rt_sigreturn) and
	// resumeUser must FXRSTOR it; 0 after a system call, which saves only
	// the control words (FCW, MXCSR) into fx (trap_amd64.s).
	fxFull uint32
	_      [3]uint32 // size % 16 == 0: see threadLayoutOK
}

var (
	// threads is the thread table: frames of its own, mapped
	// supervisor-only (moveThreadTable), so the Go world cannot rewrite
	// saved contexts.
	threads  *[maxThreads]thread
	nextTID  uint32 = 1
	nthreads int
	// threadsUsed bounds every scan of threads: slots at and above it
	// have never been used. The Go runtime makes a handful of threads,
	// while all 128 slots span over 90 KiB (a thread is over 700 bytes),
	// and schedule scans them up to three times per trap.
	threadsUsed int
)

// current returns this CPU's running thread.
//
//go:nosplit
func current() *thread { return &threads[thisCPU().curIdx] }

// switchTo makes thread i this CPU's current one; resumeUser will run it.
//
//go:nosplit
func switchTo(i int) {
	c := thisCPU()
	if i != c.curIdx {
		prof.switches++
	}
	if c.curIdx >= 0 && threads[c.curIdx].onCPU == uint32(c.index+1) {
		threads[c.curIdx].onCPU = 0
	}
	c.curIdx = i
	c.cur = threadAddr(i)
	threads[i].onCPU = uint32(c.index + 1)
	c.quantumEnd = nanotime() + quantumNs
}

// newThread takes a free slot, or returns -1.
//
//go:nosplit
func newThread() int {
	for i := range threads {
		if threads[i].state == tFree {
			t := &threads[i]
			t.tid = nextTID
			nextTID++
			t.futex, t.deadline, t.sigMask, t.onCPU, t.affinity = 0, 0, 0, 0, 0
			t.altSP, t.altSize, t.altFlags = 0, 0, libc.SsDisable
			nthreads++
			if i >= threadsUsed {
				threadsUsed = i + 1
			}
			return i
		}
	}
	return -1
}

// block parks the current thread on a futex address and/or a deadline; a
// futex wait that times out returns ETIMEDOUT, a sleep 0.
//
//go:nosplit
func block(futex, deadline uint64) {
	ret := uint64(0)
	if futex != 0 {
		ret = errno(libc.ETIMEDOUT)
	}
	blockRet(futex, deadline, ret)
}

// blockRet is block with an explicit result for the timeout.
//
//go:nosplit
func blockRet(key, deadline, timedOut uint64) {
	t := current()
	t.state = tBlocked
	t.futex = key
	t.deadline = deadline
	t.timedOut = timedOut
	thisCPU().timerDirty = true
}

// wake makes a blocked thread runnable with result ret, and sends a
// wake-up IPI to an idle CPU, if there is one, to run it.
//
//go:nosplit
func wake(t *thread, ret uint64) {
	t.state = tRunnable
	t.futex = 0
	t.deadline = 0
	t.tf.RAX = ret
	madeRunnable(t)
}

// madeRunnable notes that t became runnable: this CPU's timer may need a
// quantum, and an idle CPU (other than this one) that t may run on is
// woken to run it. With none idle, a thread pinned away from this CPU
// sends the wake-up to a busy CPU it may run on: that CPU's scheduler
// switches to it at once if it may run only there and the running
// thread may run elsewhere (schedule), else at the end of the quantum.
//
//go:nosplit
func madeRunnable(t *thread) {
	me := thisCPU()
	me.timerDirty = true
	busy := -1
	for i := 0; i < ncpus; i++ {
		c := &cpus[i]
		if c == me || c.online == 0 || (t.affinity != 0 && t.affinity&(1<<uint(i)) == 0) {
			continue
		}
		if c.idle {
			c.idle = false // one wake-up per idle CPU until it looks again
			prof.wakeIPIs++
			sendIPI(c.apicID, vecWake)
			return
		}
		if busy < 0 {
			busy = i
		}
	}
	if t.affinity != 0 && t.affinity&(1<<uint(me.index)) == 0 && busy >= 0 {
		prof.wakeIPIs++
		sendIPI(cpus[busy].apicID, vecWake)
	}
}

// wakeExpired wakes the threads whose deadline has passed and returns the
// earliest remaining deadline (0 if none).
//
//go:nosplit
func wakeExpired(now uint64) uint64 {
	next := uint64(0)
	for i := 0; i < threadsUsed; i++ {
		t := &threads[i]
		if t.state != tBlocked || t.deadline == 0 {
			continue
		}
		if t.deadline <= now {
			prof.deadlineWakes++
			wake(t, t.timedOut)
			continue
		}
		if next == 0 || t.deadline < next {
			next = t.deadline
		}
	}
	return next
}

// futexWake wakes up to n threads waiting on addr.
//
//go:nosplit
func futexWake(addr uint64, n uint64) uint64 {
	woken := uint64(0)
	for i := 0; i < threadsUsed; i++ {
		if woken >= n {
			break
		}
		t := &threads[i]
		if t.state == tBlocked && t.futex == addr {
			wake(t, 0)
			woken++
		}
	}
	return woken
}

// runnableHere reports whether this CPU (index me-1) may run thread j:
// runnable, not running on another CPU, and allowed here by its affinity.
//
//go:nosplit
func runnableHere(j int, me uint32) bool {
	t := &threads[j]
	return t.state == tRunnable && (t.onCPU == 0 || t.onCPU == me) &&
		(t.affinity == 0 || t.affinity&(1<<(me-1)) != 0)
}

// schedule picks the thread this CPU resumes. With yield set the current
// thread goes behind the others. When nothing is runnable here it idles
// with interrupts on, trapLock released, until a deadline passes (arming
// the LAPIC timer for it), a device interrupt or a wake-up IPI; a thread
// resumed after idling starts a fresh quantum. The timer for the resumed
// thread is armed once, at trap exit (armAtExit). The caller holds
// trapLock.
//
//go:nosplit
func schedule(yield bool) {
	c := thisCPU()
	me := uint32(c.index + 1)
	idled := false
	for {
		now := nanotime()
		next := wakeExpired(now)
		cur := c.curIdx
		pick := -1
		if cur >= 0 && !yield && runnableHere(cur, me) {
			pick = cur
			// A thread that may run only here (an Ebb core's,
			// pinned to its vCPU) goes before one that may run
			// elsewhere, which an idle CPU then takes.
			if threads[cur].affinity != 1<<uint(c.index) {
				if p := pinnedHere(c.index); p >= 0 {
					pick = p
				}
			}
		}
		for i := 1; i <= threadsUsed && pick < 0; i++ {
			j := (max(cur, 0) + i) % threadsUsed
			if runnableHere(j, me) {
				pick = j
			}
		}
		if pick >= 0 {
			if pick != cur || yield {
				switchTo(pick)
				// A thread switched away from while still runnable
				// (preempted, yielding, displaced by a pinned one) is
				// offered to an idle CPU: nothing else would wake one
				// for it, and it would wait here for a quantum.
				if pick != cur && cur >= 0 && threads[cur].state == tRunnable {
					madeRunnable(&threads[cur])
				}
			} else if idled {
				// the same thread again: idling gave it up (or its
				// slot was freed and reused), so claim it anew
				threads[pick].onCPU = me
				c.quantumEnd = now + quantumNs
			}
			c.timerDirty = true
			return
		}
		// Nothing to run here: the current thread, if any, is not
		// running any more (another CPU may take it once it wakes).
		if cur >= 0 && threads[cur].onCPU == me {
			threads[cur].onCPU = 0
		}
		switch {
		case next != 0:
			setTimer(next, now)
		case irqWaiters() || anyRunnable():
			// only a device interrupt or a wake-up IPI can bring work
			setTimer(0, now)
		default:
			kprint("ebbnode: deadlock: every thread is blocked without a timeout\n")
			machineExit(exitPanic)
		}
		c.idle = true
		prof.halts++
		unlockTrap()
		idle0 := nanotime()
		d := profiledIdleWait()
		lockTrap()
		profIdled(nanotime() - idle0)
		prof.idleTSC += d
		c.idle = false
		yield = false
		idled = true
	}
}

// pinnedHere returns a runnable thread that may run only on CPU cpu
// and runs nowhere now, or -1.
//
//go:nosplit
func pinnedHere(cpu int) int {
	for i := 0; i < threadsUsed; i++ {
		if t := &threads[i]; t.state == tRunnable && t.onCPU == 0 && t.affinity == 1<<uint(cpu) {
			return i
		}
	}
	return -1
}

// anyRunnable reports whether some thread is runnable (on another CPU).
//
//go:nosplit
func anyRunnable() bool {
	for i := 0; i < threadsUsed; i++ {
		if threads[i].state == tRunnable {
			return true
		}
	}
	return false
}

// setTimer arms this CPU's LAPIC timer for the absolute nanotime d (at
// least 1 µs from now), or stops it when d is 0, and records it in
// timerAt. A timer already armed for d in the future is left alone: most
// blocking calls leave the earliest deadline as it was, and under TCG
// every LAPIC register write is an MMIO exit that may wait for QEMU's I/O
// thread.
//
//go:nosplit
func setTimer(d, now uint64) {
	c := thisCPU()
	if d == c.timerAt && (d == 0 || d > now) {
		return
	}
	switch {
	case d == 0:
		if c.timerAt != 0 {
			stopTimer()
		}
	case d > now:
		armTimer(d - now)
	default:
		armTimer(1000)
		d = now + 1000
	}
	c.timerAt = d
}

// armAtExit arms this CPU's LAPIC timer once per trap, just before
// returning to the Go world, when the trap changed what it must fire for
// (timerDirty: a thread blocked, woke or was switched to): the earliest
// deadline of a blocked thread, and the end of the running thread's
// quantum only when a runnable thread waits for a CPU (a lone runnable
// thread runs without a preemption tick: under TCG every timer interrupt
// is an expensive exit; EbbRT's event model never preempts at all).
// Computing it here rather than at each wake-up costs at most one timer
// write per trap and leaves no timer armed for a deadline a wake-up
// already served. Every CPU arms for the earliest deadline: whichever
// fires first wakes the sleeper.
//
//go:nosplit
func armAtExit() {
	c := thisCPU()
	if !c.timerDirty {
		return
	}
	c.timerDirty = false
	next := uint64(0)
	waiting := 0
	for i := 0; i < threadsUsed; i++ {
		t := &threads[i]
		switch {
		case t.state == tRunnable && t.onCPU == 0:
			waiting++
		case t.state == tBlocked && t.deadline != 0 && (next == 0 || t.deadline < next):
			next = t.deadline
		}
	}
	if waiting > 0 && (next == 0 || c.quantumEnd < next) {
		next = c.quantumEnd
	}
	setTimer(profDeadline(next), nanotime())
}

// timerInterrupt handles the LAPIC timer from ring 3: wake sleepers and
// preempt at the end of the quantum.
//
//go:nosplit
func timerInterrupt() {
	c := thisCPU()
	c.ticks++
	c.timerAt = 0 // fired: nothing is armed now
	lapicEOIWrite()
	now := nanotime()
	tlbGrow(now)
	profiled := profTick(now)
	expired := now >= c.quantumEnd
	w0 := prof.deadlineWakes
	schedule(expired)
	if !expired && !profiled && prof.deadlineWakes == w0 {
		prof.earlyTimers++
	}
}

// irqWaiters reports whether a thread waits for a device interrupt.
//
//go:nosplit
func irqWaiters() bool {
	for i := 0; i < threadsUsed; i++ {
		t := &threads[i]
		if t.state == tBlocked && t.futex >= irqKeyBase+firstDeviceVector && t.futex <= irqKeyBase+lastDeviceVector {
			return true
		}
	}
	return false
}
