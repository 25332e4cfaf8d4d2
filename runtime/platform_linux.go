package runtime

import (
	"sync/atomic"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"

	"github.com/ebbnode/ebbnode/libc"
)

// futexWakes reports whether this OS has the futex platform.
const futexWakes = true

// futexPlatform parks a core's thread in futex(2) on its own state word,
// and a wake is one FUTEX_WAKE on that word: a single kernel transition
// on each side. Natively the image's kernel makes the sleeper runnable
// and, if its vCPU is halted, sends that vCPU a wake-up IPI; hosted it is
// Linux's futex. The thread platform's channel instead goes through the
// Go scheduler (ready the locked goroutine on the waker's P, a spinning
// M steals it, hands the P to the locked M), several thread switches.
//
// While parked the thread keeps its P (an ordinary system call), so the
// Go world can be left without a P until sysmon takes it back (up to
// 10 ms when the process has been quiet). New therefore gives it only to
// the first GOMAXPROCS-1 cores (platformFor).
type futexPlatform struct {
	// state is futexRunning, futexToken (a wake is pending) or
	// futexSleeping (the thread is, or is about to be, in FUTEX_WAIT).
	state   atomic.Uint32
	spinFor time.Duration // see Config.IdleSpin; ≤ 0: park at once
}

const (
	futexRunning = iota
	futexToken
	futexSleeping
)

func newFutexPlatform(spin time.Duration) platform { return &futexPlatform{spinFor: spin} }

func (p *futexPlatform) wait(deadline time.Time) {
	if p.spin(deadline) {
		return
	}
	var ts *unix.Timespec
	if !deadline.IsZero() {
		d := time.Until(deadline)
		if d <= 0 {
			return
		}
		t := unix.NsecToTimespec(int64(d))
		ts = &t
	}
	if !p.state.CompareAndSwap(futexRunning, futexSleeping) {
		p.state.Store(futexRunning) // it held a token: consume it
		return
	}
	// EAGAIN (a wake came between the CAS and the call), EINTR and
	// ETIMEDOUT all mean the same here: look for work again.
	unix.Syscall6(unix.SYS_FUTEX, uintptr(unsafe.Pointer(&p.state)),
		libc.FutexWait|libc.FutexPrivateFlag, futexSleeping, uintptr(unsafe.Pointer(ts)), 0, 0)
	// Swap, not Store: a wake that lands after this leaves its token
	// for the next wait, and one before it is seen through the Swap, so
	// the caller's look at its inbox sees the spawn that woke it.
	p.state.Swap(futexRunning)
}

func (p *futexPlatform) wake() {
	if p.state.Swap(futexToken) == futexSleeping {
		// RawSyscall: FUTEX_WAKE never blocks, so handing the P over
		// for it would cost more than the call.
		unix.RawSyscall6(unix.SYS_FUTEX, uintptr(unsafe.Pointer(&p.state)),
			libc.FutexWake|libc.FutexPrivateFlag, 1, 0, 0, 0)
	}
}

// spin polls for a wake token until p.spinFor has passed or the deadline
// (if non-zero) is reached, and reports whether it consumed one.
func (p *futexPlatform) spin(deadline time.Time) bool {
	if p.spinFor <= 0 {
		return false
	}
	end := time.Now().Add(p.spinFor)
	if !deadline.IsZero() && deadline.Before(end) {
		end = deadline
	}
	for {
		if p.state.CompareAndSwap(futexToken, futexRunning) {
			return true
		}
		if !time.Now().Before(end) {
			return false
		}
		osYield()
	}
}

// affinityCPUs lists the CPUs the calling thread may run on, lowest
// first: core i is pinned to the (i mod len)-th. Natively these are the
// vCPUs online, so core i runs on vCPU i.
func affinityCPUs() []int {
	var set unix.CPUSet
	if err := unix.SchedGetaffinity(0, &set); err != nil {
		return nil
	}
	var cpus []int
	for i := 0; i < len(set)*64 && len(cpus) < set.Count(); i++ {
		if set.IsSet(i) {
			cpus = append(cpus, i)
		}
	}
	return cpus
}

// pinThread restricts the calling (locked) thread to cpu.
func pinThread(cpu int) error {
	var set unix.CPUSet
	set.Set(cpu)
	return unix.SchedSetaffinity(0, &set)
}
