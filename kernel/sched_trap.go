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
	_        [8]byte // size % 16 == 0: see threadLayoutOK
}

var (
	// threads is the thread table: frames of its own, mapped
	// supervisor-only (moveThreadTable), so the Go world cannot rewrite
	// saved contexts.
	threads    *[maxThreads]thread
	nextTID    uint32 = 1
	quantumEnd uint64
	nthreads   int
	// threadsUsed bounds every scan of threads: slots at and above it
	// have never been used. The Go runtime makes a handful of threads,
	// while all 128 slots span over 90 KiB (a thread is over 700 bytes),
	// and schedule scans them up to three times per trap.
	threadsUsed int
)

// current returns the running thread.
//
//go:nosplit
func current() *thread { return &threads[cpu0.curIdx] }

// switchTo makes thread i current; resumeUser will run it.
//
//go:nosplit
func switchTo(i int) {
	if i != cpu0.curIdx {
		prof.switches++
	}
	cpu0.curIdx = i
	cpu0.cur = threadAddr(i)
	quantumEnd = nanotime() + quantumNs
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
			t.futex, t.deadline, t.sigMask = 0, 0, 0
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
	timerDirty = true
}

// wake makes a blocked thread runnable with result ret.
//
//go:nosplit
func wake(t *thread, ret uint64) {
	t.state = tRunnable
	t.futex = 0
	t.deadline = 0
	t.tf.RAX = ret
	timerDirty = true
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

// schedule picks the thread to resume. With yield set the current thread
// goes behind the others. When nothing is runnable it idles with
// interrupts on until a deadline passes (arming the LAPIC timer for it);
// a thread resumed after idling starts a fresh quantum. The timer for the
// resumed thread is armed once, at trap exit (armAtExit).
//
//go:nosplit
func schedule(yield bool) {
	idled := false
	for {
		now := nanotime()
		next := wakeExpired(now)
		cur := cpu0.curIdx
		pick := -1
		runnable := 0
		if !yield && threads[cur].state == tRunnable {
			pick = cur
		}
		for i := 1; i <= threadsUsed; i++ {
			j := (cur + i) % threadsUsed
			if threads[j].state == tRunnable {
				runnable++
				if pick < 0 {
					pick = j
				}
			}
		}
		if pick >= 0 {
			if pick != cur || yield {
				switchTo(pick)
			} else if idled {
				quantumEnd = now + quantumNs
			}
			timerDirty = true
			return
		}
		switch {
		case next != 0:
			setTimer(next, now)
		case irqWaiters():
			setTimer(0, now) // only a device interrupt can wake anyone
		default:
			kprint("ebbnode: deadlock: every thread is blocked without a timeout\n")
			machineExit(exitPanic)
		}
		profiledIdleWait()
		yield = false
		idled = true
	}
}

// timerAt is the nanotime the LAPIC timer is armed for, 0 when stopped.
var timerAt uint64

// setTimer arms the LAPIC timer for the absolute nanotime d (at least 1 µs
// from now), or stops it when d is 0, and records it in timerAt. A timer
// already armed for d in the future is left alone: most blocking calls
// leave the earliest deadline as it was, and under TCG every LAPIC
// register write is an MMIO exit that may wait for QEMU's I/O thread.
//
//go:nosplit
func setTimer(d, now uint64) {
	if d == timerAt && (d == 0 || d > now) {
		return
	}
	switch {
	case d == 0:
		if timerAt != 0 {
			stopTimer()
		}
	case d > now:
		armTimer(d - now)
	default:
		armTimer(1000)
		d = now + 1000
	}
	timerAt = d
}

// timerDirty is set when a thread blocks, wakes or is switched to: the
// deadline the timer must fire at may have changed.
var timerDirty bool

// armAtExit arms the LAPIC timer once per trap, just before returning to
// the Go world, when the trap changed what it must fire for: the earliest
// deadline of a blocked thread, and the end of the running thread's
// quantum only when another thread is runnable (a lone runnable thread
// runs without a preemption tick: under TCG every timer interrupt is an
// expensive exit; EbbRT's event model never preempts at all). Computing
// it here rather than at each wake-up costs at most one timer write per
// trap and leaves no timer armed for a deadline a wake-up already served.
//
//go:nosplit
func armAtExit() {
	if !timerDirty {
		return
	}
	timerDirty = false
	next := uint64(0)
	runnable := 0
	for i := 0; i < threadsUsed; i++ {
		t := &threads[i]
		switch {
		case t.state == tRunnable:
			runnable++
		case t.state == tBlocked && t.deadline != 0 && (next == 0 || t.deadline < next):
			next = t.deadline
		}
	}
	if runnable > 1 && (next == 0 || quantumEnd < next) {
		next = quantumEnd
	}
	setTimer(next, nanotime())
}

// timerInterrupt handles the LAPIC timer from ring 3: wake sleepers and
// preempt at the end of the quantum.
//
//go:nosplit
func timerInterrupt() {
	cpu0.ticks++
	timerAt = 0 // fired: nothing is armed now
	lapicEOIWrite()
	expired := nanotime() >= quantumEnd
	w0 := prof.deadlineWakes
	schedule(expired)
	if !expired && prof.deadlineWakes == w0 {
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
