package runtime

import (
	goruntime "runtime"
	"time"
)

// The thread backend: each core is a worker goroutine locked to its own OS
// thread. It is the only backend, used both hosted (the threads are Linux
// threads) and natively (the image's kernel runs the same Go runtime's
// threads on its vCPUs). What a core does when idle is the platform
// (threadPlatform below): today a channel park and an optional poll. The
// native SMP work plugs in here: pinning each core's thread to a vCPU
// (sched_setaffinity from threadWorker) and waking a parked core with an
// IPI would be a second platform constructor chosen in New, with
// everything else, tests included, shared.

// New builds a Runtime on the thread backend and starts its cores: each
// core is a worker goroutine locked to its own OS thread, running the
// core's event loop until Stop.
//
// A panic in an event is not recovered: it crashes the process with the
// panic's value and stack, as an uncaught exception ends node. Layers that
// must survive their own failures (jsrt with JS exceptions) catch them
// inside their events.
func New(cfg Config) *Runtime {
	spin := cfg.IdleSpin
	if spin == 0 {
		spin = defaultSpin(goruntime.GOMAXPROCS(0))
	}
	rt := newRuntime(cfg, func() platform { return newThreadPlatform(spin) })
	rt.extra.start = func(c *Core) { go threadWorker(c) }
	rt.workers.Add(len(rt.cores))
	for _, c := range rt.cores {
		go threadWorker(c)
	}
	return rt
}

// threadWorker is a core's thread.
func threadWorker(c *Core) {
	defer c.rt.workers.Done()
	// The core is this thread, as in EbbRT's hosted library; locking also
	// keeps the Go scheduler from moving the loop around, and gives a
	// native platform one thread per core to pin.
	goruntime.LockOSThread()
	defer goruntime.UnlockOSThread()
	EventManager.On(c).run()
}

// threadPlatform parks a core's thread on a channel. The channel holds at
// most one token, so a wake before wait is remembered and extra wakes
// coalesce.
type threadPlatform struct {
	spinFor time.Duration // see Config.IdleSpin; < 0: park at once
	wakeCh  chan struct{}
	timer   *time.Timer // reused across waits; stopped when not waiting
}

func newThreadPlatform(spin time.Duration) platform {
	t := time.NewTimer(time.Hour)
	t.Stop()
	return &threadPlatform{spinFor: spin, wakeCh: make(chan struct{}, 1), timer: t}
}

func (p *threadPlatform) wait(deadline time.Time) {
	if p.spin(deadline) {
		return
	}
	if deadline.IsZero() {
		<-p.wakeCh
		return
	}
	d := time.Until(deadline)
	if d <= 0 {
		return
	}
	// Since Go 1.23 Reset and Stop discard any stale expiry, so the
	// channel never holds a fire from an earlier wait.
	p.timer.Reset(d)
	select {
	case <-p.wakeCh:
	case <-p.timer.C:
	}
	p.timer.Stop()
}

func (p *threadPlatform) wake() {
	select {
	case p.wakeCh <- struct{}{}:
	default: // a wake is already pending
	}
}

// spin polls for a wake until p.spinFor has passed or the deadline (if
// non-zero) is reached. It reports whether it consumed a wake.
func (p *threadPlatform) spin(deadline time.Time) bool {
	if p.spinFor < 0 {
		return false
	}
	end := time.Now().Add(p.spinFor)
	if !deadline.IsZero() && deadline.Before(end) {
		end = deadline
	}
	for {
		select {
		case <-p.wakeCh:
			return true
		default:
		}
		if !time.Now().Before(end) {
			return false
		}
		// Give the CPU to other threads (perhaps the core that will
		// wake us) so polling costs little on an oversubscribed host.
		osYield()
	}
}

// defaultSpin is the IdleSpin a Config that leaves it 0 gets with procs
// Ps. With one P (the native image, whose kernel reports one CPU, or a
// one-CPU VM) a polling core holds the only P, so the goroutine that would
// wake it (a Messenger reader, a timer) cannot run until the poll ends:
// polling only adds its length to every wake-up and, natively, turns it
// into a sched_yield storm. Such a core parks at once.
func defaultSpin(procs int) time.Duration {
	if procs <= 1 {
		return -1
	}
	return DefaultIdleSpin
}
