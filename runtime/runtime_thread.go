package runtime

import (
	goruntime "runtime"
	"sync/atomic"
	"time"
)

// The thread backend: each core is a worker goroutine locked to its own OS
// thread, natively pinned to its vCPU. It is the only backend, used both hosted (the
// threads are Linux threads) and natively (the image's kernel runs the same
// Go runtime's threads on its vCPUs, and its sched_setaffinity pins them).
// What a core does when idle is its platform: the futex platform
// (platform_linux.go) when GOMAXPROCS leaves the Go world a P of its own,
// else the thread platform below (a channel park after an optional poll).

// New builds a Runtime on the thread backend and starts its cores: each
// core is a worker goroutine locked to its own OS thread (with Config.Pin
// pinned to CPU i mod n of the n CPUs the caller's thread may run on),
// running the core's event loop until Stop.
//
// A panic in an event is not recovered: it crashes the process with the
// panic's value and stack, as an uncaught exception ends node. Layers that
// must survive their own failures (jsrt with JS exceptions) catch them
// inside their events.
func New(cfg Config) *Runtime {
	return newThreadRuntime(cfg, platformFor(cfg, goruntime.GOMAXPROCS(0)))
}

// platformFor returns the platform constructor for cfg with procs Ps; it
// is called once per core, in core order (the configured cores, then
// those AddCore adds). The k-th core gets futex wakes when the first k
// cores, all parked in futex(2) holding their Ps, would still leave a P
// for the rest of the Go world, else the channel park.
func platformFor(cfg Config, procs int) func() platform {
	spin := cfg.IdleSpin
	if spin == 0 {
		spin = defaultSpin(procs)
	}
	var made atomic.Int32
	return func() platform {
		if k := int(made.Add(1)); futexWakes && procs > k {
			return newFutexPlatform(cfg.IdleSpin)
		}
		return newThreadPlatform(spin)
	}
}

// newThreadRuntime starts cfg's cores on threads with the given platform.
func newThreadRuntime(cfg Config, newPlatform func() platform) *Runtime {
	rt := newRuntime(cfg, newPlatform)
	var cpus []int
	if cfg.Pin {
		cpus = affinityCPUs()
	}
	cpuFor := func(id int) int {
		if len(cpus) == 0 {
			return -1
		}
		return cpus[id%len(cpus)]
	}
	rt.extra.start = func(c *Core) {
		c.cpu.Store(-1)
		go threadWorker(c, cpuFor(c.id))
	}
	rt.workers.Add(len(rt.cores))
	for _, c := range rt.cores {
		go threadWorker(c, cpuFor(c.id))
	}
	return rt
}

// threadWorker is a core's thread, pinned to cpu unless it is -1.
func threadWorker(c *Core, cpu int) {
	defer c.rt.workers.Done()
	// The core is this thread, as in EbbRT's hosted library; locking also
	// keeps the Go scheduler from moving the loop around, and gives the
	// pinning one thread per core.
	goruntime.LockOSThread()
	if cpu >= 0 {
		// A CPU that cannot be had leaves the core unpinned rather
		// than not running at all.
		if err := pinThread(cpu); err == nil {
			c.cpu.Store(int32(cpu))
			// Returning still locked ends the thread, so no
			// goroutine ever inherits the pinned mask.
			EventManager.On(c).run()
			return
		}
	}
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
// Ps on the thread platform. With one P (the native image, whose kernel reports one CPU, or a
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
