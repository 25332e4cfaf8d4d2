package runtime

import (
	"container/heap"
	"time"
)

// EventManager is the event manager Ebb: a multicore Ebb whose rep on each
// core is that core's event loop. The Core methods (SpawnLocal, AfterFunc,
// AddIdleHandler) are thin wrappers around EventManager.On(c).
var EventManager = RefOf[*EventManagerRep](EventManagerId)

// EventManagerRep is one core's event loop: its local FIFO of events, its
// timers and its idle handlers. Everything in it is owned by its core, so
// none of it is locked; remote spawns arrive through the core's inbox.
type EventManagerRep struct {
	c *Core

	// queue[head:] are the events waiting to run, oldest first.
	queue []func(*Core)
	head  int

	timers   timerHeap
	timerSeq uint64 // breaks deadline ties in creation order

	idle      []*idleEntry
	idleDirty bool // some entry in idle was removed
}

type idleEntry struct {
	fn      func(*Core)
	removed bool
}

// newEventManagerRep is the event manager's NewRep: it runs on c the first
// time c's loop dereferences EventManager, which its worker does on start.
func newEventManagerRep(c *Core) *EventManagerRep { return &EventManagerRep{c: c} }

// SpawnLocal: see Core.SpawnLocal.
func (em *EventManagerRep) SpawnLocal(fn func(c *Core)) {
	if fn == nil {
		panic("ebb runtime: SpawnLocal with nil fn")
	}
	em.queue = append(em.queue, fn)
}

// SpawnRemote: see Runtime.SpawnRemote.
func (em *EventManagerRep) SpawnRemote(core int, fn func(c *Core)) { em.c.rt.SpawnRemote(core, fn) }

// AfterFunc: see Core.AfterFunc.
func (em *EventManagerRep) AfterFunc(d time.Duration, fn func(c *Core)) *Timer {
	return em.AfterFuncAt(time.Now().Add(d), fn)
}

// AfterFuncAt: see Core.AfterFuncAt.
func (em *EventManagerRep) AfterFuncAt(when time.Time, fn func(c *Core)) *Timer {
	if fn == nil {
		panic("ebb runtime: AfterFunc with nil fn")
	}
	t := &Timer{em: em, fn: fn, index: -1}
	em.arm(t, when)
	return t
}

// AddIdleHandler: see Core.AddIdleHandler.
func (em *EventManagerRep) AddIdleHandler(fn func(c *Core)) (remove func()) {
	if fn == nil {
		panic("ebb runtime: AddIdleHandler with nil fn")
	}
	e := &idleEntry{fn: fn}
	em.idle = append(em.idle, e)
	return func() {
		if !e.removed {
			e.removed = true
			em.idleDirty = true
		}
	}
}

// run is the core's event loop; the backend's worker calls it on the core's
// own thread and it returns when the Runtime stops. Each turn runs the
// events queued when the turn began (so an event that keeps respawning
// itself cannot starve timers or remote spawns), then the expired timers;
// with nothing left to do it runs the idle handlers and then sleeps until
// the next timer deadline or a wake-up.
func (em *EventManagerRep) run() {
	c := em.c
	for !c.rt.stopping.Load() {
		em.queue = c.inbox.drainInto(em.queue)
		em.runQueued()
		if len(em.timers) > 0 {
			em.fireTimers(time.Now())
		}
		if em.hasWork() {
			continue
		}
		em.runIdle()
		if em.hasWork() {
			continue
		}
		var deadline time.Time
		if len(em.timers) > 0 {
			deadline = em.timers[0].when
		}
		c.plat.wait(deadline)
	}
}

// runQueued runs the events that are queued now, in order; events they
// spawn wait for the next turn.
func (em *EventManagerRep) runQueued() {
	end := len(em.queue)
	for em.head < end {
		fn := em.queue[em.head]
		em.queue[em.head] = nil // let the closure be collected
		em.head++
		fn(em.c)
	}
	// Slide the not-yet-run events (spawned during this turn) to the front
	// so the slice's storage is reused rather than grown forever.
	n := copy(em.queue, em.queue[em.head:])
	clear(em.queue[n:])
	em.queue = em.queue[:n]
	em.head = 0
}

// fireTimers runs, as events, the timers whose deadline is at or before
// now, earliest first. Timers armed while firing get a deadline after now,
// so they wait for a later turn.
func (em *EventManagerRep) fireTimers(now time.Time) {
	for len(em.timers) > 0 && !em.timers[0].when.After(now) {
		t := heap.Pop(&em.timers).(*Timer)
		t.fn(em.c)
	}
}

// hasWork reports whether an event is queued locally or remotely, or a
// timer has expired.
func (em *EventManagerRep) hasWork() bool {
	if len(em.queue) > em.head || !em.c.inbox.empty() {
		return true
	}
	return len(em.timers) > 0 && !em.timers[0].when.After(time.Now())
}

// runIdle runs each idle handler registered when it starts, skipping those
// removed meanwhile, then drops removed entries.
func (em *EventManagerRep) runIdle() {
	n := len(em.idle)
	for i := 0; i < n; i++ {
		if e := em.idle[i]; !e.removed {
			e.fn(em.c)
		}
	}
	if em.idleDirty {
		kept := em.idle[:0]
		for _, e := range em.idle {
			if !e.removed {
				kept = append(kept, e)
			}
		}
		clear(em.idle[len(kept):])
		em.idle = kept
		em.idleDirty = false
	}
}
