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
	threads    [maxThreads]thread
	nextTID    uint32 = 1
	quantumEnd uint64
	nthreads   int
)

// current returns the running thread.
//
//go:nosplit
func current() *thread { return &threads[cpu0.curIdx] }

// switchTo makes thread i current; resumeUser will run it.
//
//go:nosplit
func switchTo(i int) {
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
}

// wake makes a blocked thread runnable with result ret.
//
//go:nosplit
func wake(t *thread, ret uint64) {
	t.state = tRunnable
	t.futex = 0
	t.deadline = 0
	t.tf.RAX = ret
}

// wakeExpired wakes the threads whose deadline has passed and returns the
// earliest remaining deadline (0 if none).
//
//go:nosplit
func wakeExpired(now uint64) uint64 {
	next := uint64(0)
	for i := range threads {
		t := &threads[i]
		if t.state != tBlocked || t.deadline == 0 {
			continue
		}
		if t.deadline <= now {
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
	for i := range threads {
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
// interrupts on until a deadline passes. It arms the LAPIC timer for the
// next deadline or the end of the quantum.
//
//go:nosplit
func schedule(yield bool) {
	for {
		now := nanotime()
		next := wakeExpired(now)
		cur := cpu0.curIdx
		pick := -1
		if !yield && threads[cur].state == tRunnable {
			pick = cur
		} else {
			for i := 1; i <= maxThreads; i++ {
				j := (cur + i) % maxThreads
				if threads[j].state == tRunnable {
					pick = j
					break
				}
			}
		}
		if pick >= 0 {
			if pick != cur || yield {
				switchTo(pick)
			}
			d := quantumEnd
			if next != 0 && next < d {
				d = next
			}
			if d > now {
				armTimer(d - now)
			} else {
				armTimer(1000)
			}
			return
		}
		switch {
		case next != 0:
			armTimer(next - now)
		case irqWaiters():
			stopTimer() // only a device interrupt can wake anyone
		default:
			kprint("ebbnode: deadlock: every thread is blocked without a timeout\n")
			machineExit(exitPanic)
		}
		idleWait()
		yield = false
	}
}

// timerInterrupt handles the LAPIC timer from ring 3: wake sleepers and
// preempt at the end of the quantum.
//
//go:nosplit
func timerInterrupt() {
	cpu0.ticks++
	lapicEOIWrite()
	schedule(nanotime() >= quantumEnd)
}

// irqWaiters reports whether a thread waits for a device interrupt.
//
//go:nosplit
func irqWaiters() bool {
	for i := range threads {
		t := &threads[i]
		if t.state == tBlocked && t.futex >= irqKeyBase+firstDeviceVector && t.futex <= irqKeyBase+lastDeviceVector {
			return true
		}
	}
	return false
}
