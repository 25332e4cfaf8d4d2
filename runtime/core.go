package runtime

import (
	"sync/atomic"
	"time"
)

// Core is one core of a Runtime: an event loop and a private Ebb
// translation table. Go has no goroutine-local storage, so events receive
// their *Core and pass it on explicitly (Ref.On(c), c.SpawnLocal, ...).
type Core struct {
	id int
	rt *Runtime

	// table translates EbbIds to this core's reps. Only events running on
	// this core touch it, so it has no lock.
	table []any

	// inbox receives SpawnRemote events from other goroutines.
	inbox inbox

	plat platform
	cpu  atomic.Int32 // the CPU its thread is pinned to, -1 if none
}

// CPU returns the CPU core c's thread is pinned to (natively, its vCPU),
// or -1 if it is not (yet) pinned. Safe from any goroutine; once c's
// first event has started the answer no longer changes.
func (c *Core) CPU() int { return int(c.cpu.Load()) }

// ID returns the core's index in its Runtime. Safe from any goroutine.
func (c *Core) ID() int { return c.id }

// Runtime returns the core's Runtime. Safe from any goroutine.
func (c *Core) Runtime() *Runtime { return c.rt }

// SpawnLocal queues fn to run on c after the current event and after the
// events already queued on c (FIFO).
//
// Concurrency: only from an event running on c.
func (c *Core) SpawnLocal(fn func(c *Core)) { EventManager.On(c).SpawnLocal(fn) }

// SpawnRemote queues fn to run on core `core` (which may be c itself).
//
// Concurrency: safe from any goroutine; see Runtime.SpawnRemote.
func (c *Core) SpawnRemote(core int, fn func(c *Core)) { c.rt.SpawnRemote(core, fn) }

// AfterFunc runs fn as an event on c once d has elapsed (d ≤ 0: as soon as
// c's loop next checks its timers). The returned Timer can cancel it.
//
// Concurrency: only from an event running on c.
func (c *Core) AfterFunc(d time.Duration, fn func(c *Core)) *Timer {
	return EventManager.On(c).AfterFunc(d, fn)
}

// AfterFuncAt runs fn as an event on c once the clock reaches when (a
// deadline in the past: as soon as c's loop next checks its timers).
// Timers with equal deadlines fire in the order they were armed, in the
// same turn, so a layer that rounds its deadlines (jsrt to whole
// milliseconds, as node does) gets its own timers phase out of one turn.
//
// Concurrency: only from an event running on c.
func (c *Core) AfterFuncAt(when time.Time, fn func(c *Core)) *Timer {
	return EventManager.On(c).AfterFuncAt(when, fn)
}

// AddIdleHandler registers fn to run on c each time c's event queue is
// empty, just before c would sleep. If fn spawns work, c runs it instead of
// sleeping. The returned function unregisters fn (idempotent).
//
// Concurrency: AddIdleHandler and the remove function only from an event
// running on c.
func (c *Core) AddIdleHandler(fn func(c *Core)) (remove func()) {
	return EventManager.On(c).AddIdleHandler(fn)
}
