package runtime

import (
	"sync"
	"sync/atomic"
)

// extraCores are the cores a Runtime gains after it starts (AddCore). The
// cores given by Config are fixed for the Runtime's life and read without
// locks; the extra ones sit behind a copy-on-write slice, so Core(i) and
// SpawnRemote stay lock-free for them too.
type extraCores struct {
	list atomic.Pointer[[]*Core]

	// mu orders AddCore against Stop: a core is added and its worker
	// counted only before Stop begins.
	mu          sync.Mutex
	newPlatform func() platform
	start       func(c *Core) // the backend's worker launcher
}

func (e *extraCores) count() int {
	if l := e.list.Load(); l != nil {
		return len(*l)
	}
	return 0
}

// get returns extra core i, or nil when there is none.
func (e *extraCores) get(i int) *Core {
	if l := e.list.Load(); l != nil && i >= 0 && i < len(*l) {
		return (*l)[i]
	}
	return nil
}

// stop runs begin (which sets stopping and wakes the configured cores) under
// e.mu, then wakes the extra cores.
func (e *extraCores) stop(begin func()) {
	e.mu.Lock()
	defer e.mu.Unlock()
	begin()
	if l := e.list.Load(); l != nil {
		for _, c := range *l {
			c.plat.wake()
		}
	}
}

// AddCore starts one more core (event loop on its own thread) and returns
// it, or nil once Stop has begun. Its id is the next index: NumCores()
// before the call. jsrt gives each worker_threads Worker a core of its
// own this way when the configured cores are taken, since a worker may
// block its thread (Atomics.wait, a long loop) as a node worker may.
// Cores are never removed; callers keep idle ones for reuse.
//
// Concurrency: safe from any goroutine.
func (r *Runtime) AddCore() *Core {
	e := &r.extra
	e.mu.Lock()
	defer e.mu.Unlock()
	if r.stopping.Load() || e.start == nil {
		return nil
	}
	var old []*Core
	if l := e.list.Load(); l != nil {
		old = *l
	}
	c := &Core{id: len(r.cores) + len(old), rt: r, plat: e.newPlatform()}
	next := append(old[:len(old):len(old)], c)
	e.list.Store(&next)
	r.workers.Add(1)
	e.start(c)
	return c
}
