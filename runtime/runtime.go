package runtime

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

// Config chooses the shape of a Runtime.
type Config struct {
	// Cores is the number of cores (event loops). 0 means 1.
	Cores int

	// IdleSpin is how long an idle core polls for remote spawns before it
	// parks its thread. On the futex platform (Linux and native, for the
	// first GOMAXPROCS-1 cores) a wake is one futex call, and 0 parks at
	// once.
	// On the channel platform waking a parked core goes through the Go
	// scheduler (several thread switches, tens of µs on a busy host, see
	// BenchmarkSpawnRemoteRoundTrip), which a core that is still polling
	// skips: 0 means DefaultIdleSpin there, or parking at once when
	// GOMAXPROCS is 1 (a poll would hold the only P). A negative value
	// parks at once on both.
	IdleSpin time.Duration

	// Pin pins core i's thread to CPU i mod n of the n CPUs the thread
	// calling New may run on: natively, vCPU i, which is then the core's
	// own (the native image pins). Hosted, on a machine shared with other
	// processes, a pinned loop must wait for its one CPU while another
	// is free: a cross-core round trip took 90 µs pinned against 7 µs
	// unpinned on a 2-CPU host at load 10 (BenchmarkSpawnRemoteRoundTrip),
	// so hosted commands leave the OS to place their threads.
	Pin bool
}

// DefaultIdleSpin is the IdleSpin the channel platform uses when Config
// leaves it 0: long enough
// to catch a reply from another core, short enough that an idle runtime
// soon stops using the CPU.
const DefaultIdleSpin = 50 * time.Microsecond

// Runtime is one Ebb runtime instance: its cores and the Ebbs installed in
// it. The backend (threads today; see runtime_thread.go) decides what a
// core is and how it sleeps; everything else is shared.
type Runtime struct {
	cores []*Core
	roots rootTable

	// extra holds the cores added after start by AddCore (addcore.go).
	extra extraCores

	stopping atomic.Bool
	stopOnce sync.Once
	workers  sync.WaitGroup
}

// platform is the backend's part of a core: how the core waits for work and
// how other goroutines wake it. The futex platform parks the core's OS
// thread in futex(2) (natively the vCPU halts and a wake-up IPI ends
// it); the thread platform parks it on a channel.
type platform interface {
	// wait blocks until wake is called or the deadline (if non-zero)
	// passes. A wake that arrives before wait is not lost.
	wait(deadline time.Time)
	// wake ends the current or next wait. Safe from any goroutine.
	wake()
}

// newRuntime builds a Runtime and its cores with the backend's platform
// constructor, and installs the system Ebbs. It does not start the cores.
func newRuntime(cfg Config, newPlatform func() platform) *Runtime {
	n := cfg.Cores
	if n <= 0 {
		n = 1
	}
	rt := &Runtime{cores: make([]*Core, n)}
	rt.extra.newPlatform = newPlatform
	for i := range rt.cores {
		rt.cores[i] = &Core{id: i, rt: rt, plat: newPlatform()}
		rt.cores[i].cpu.Store(-1)
	}
	if _, err := InstallMulticore[*EventManagerRep](rt, EventManagerId,
		RepFunc[*EventManagerRep](newEventManagerRep)); err != nil {
		panic(fmt.Sprintf("ebb runtime: installing the event manager: %v", err))
	}
	return rt
}

// NumCores returns the number of cores. Safe from any goroutine.
func (r *Runtime) NumCores() int { return len(r.cores) + r.extra.count() }

// Core returns core i (0 ≤ i < NumCores). Safe from any goroutine; the
// Core may be used only as each of its methods allows.
func (r *Runtime) Core(i int) *Core {
	if i >= len(r.cores) {
		if c := r.extra.get(i - len(r.cores)); c != nil {
			return c
		}
	}
	if i < 0 || i >= len(r.cores) {
		panic(fmt.Sprintf("ebb runtime: core %d out of range [0,%d)", i, r.NumCores()))
	}
	return r.cores[i]
}

// SpawnRemote queues fn to run as an event on core `core`, after the events
// already queued there by other spawns. Once Stop has begun, fn is dropped.
//
// Concurrency: safe from any goroutine, event or not.
func (r *Runtime) SpawnRemote(core int, fn func(c *Core)) {
	if fn == nil {
		panic("ebb runtime: SpawnRemote with nil fn")
	}
	c := r.Core(core)
	if r.stopping.Load() {
		return
	}
	c.inbox.push(fn)
	c.plat.wake()
}

// Stop stops every core and waits for their workers to exit. Events still
// queued and timers still pending are dropped; an event that is running
// finishes first. Stop is idempotent.
//
// Concurrency: safe from any goroutine except an event of this Runtime
// (it would wait for its own core); from an event, use `go rt.Stop()`.
func (r *Runtime) Stop() {
	r.stopOnce.Do(func() {
		r.extra.stop(func() {
			r.stopping.Store(true)
			for _, c := range r.cores {
				c.plat.wake()
			}
		})
	})
	r.workers.Wait()
}

// inbox is a core's queue of remote spawns: the only per-core state that
// other goroutines touch.
type inbox struct {
	mu struct {
		sync.Mutex
		q []func(*Core)
	}
}

func (b *inbox) push(fn func(*Core)) {
	b.mu.Lock()
	b.mu.q = append(b.mu.q, fn)
	b.mu.Unlock()
}

// drainInto appends the queued spawns to dst, in order, and empties the inbox.
func (b *inbox) drainInto(dst []func(*Core)) []func(*Core) {
	b.mu.Lock()
	dst = append(dst, b.mu.q...)
	clear(b.mu.q)
	b.mu.q = b.mu.q[:0]
	b.mu.Unlock()
	return dst
}

func (b *inbox) empty() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.mu.q) == 0
}
