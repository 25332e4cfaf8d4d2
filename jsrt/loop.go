package jsrt

import (
	"math"
	"time"

	ebbrt "github.com/ebbnode/ebbnode/runtime"
)

// loop is node's event loop (libuv's phases, as far as scripts can tell)
// built on one core of the Ebb runtime. JS timers are the core's own
// runtime timers (EventManager's heap), so the runtime's loop is the timers
// phase: it fires the due timers earliest first, ties in the order they
// were armed, each as an event that runs one JS callback. The loop keeps
// the rest: the immediate queue, completed async work, and what keeps it
// alive. The poll phase (completions) and check phase (immediates) run as
// one iteration event, queued after the timers phase that fired anything
// and whenever work is waiting; the runtime runs queued events before it
// next looks at its timers, so immediates set by a timer callback run
// before the next timers phase, as in node.
//
// All fields belong to events on the loop's core; only post may be called
// from other goroutines.
type loop struct {
	ebb  *ebbrt.Runtime
	core *ebbrt.Core

	refTimers  int // armed timers that keep the loop alive
	immediates []*immediate
	refImms    int // queued immediates that keep the loop alive

	pending     int      // async operations in flight that keep it alive
	completions []func() // finished async work, run in the poll phase

	// base is the loop's time origin: JS timer deadlines are whole
	// milliseconds after it, as libuv's loop time is.
	base time.Time
	// now reads the clock for new timers' deadlines; nil means time.Now
	// (tests fix it so that deadlines coincide).
	now func() time.Time

	scheduled bool // an iteration is queued as a local spawn
	inIter    bool // a phase is running JS: reschedule waits for its end
	stopped   bool

	// onEmpty runs when nothing keeps the loop alive ('beforeExit'). The
	// loop checks again afterwards and, still empty, calls finish.
	onEmpty func()
	finish  func()
}

// timer is one setTimeout/setInterval. Phase callbacks (timer.fn,
// immediate.fn, completions) run JS themselves, through vm.callJS/callGo.
type timer struct {
	rt     *ebbrt.Timer // the runtime timer; nil until first armed
	delay  float64      // ms
	repeat bool
	ref    bool
	fn     func() // nil once cleared
}

// immediate is one setImmediate.
type immediate struct {
	fn      func()
	ref     bool
	cleared bool
}

func (l *loop) alive() bool {
	return l.refTimers > 0 || l.refImms > 0 || l.pending > 0 || len(l.completions) > 0
}

// armed reports whether t waits in the runtime's timer heap.
func (t *timer) armed() bool { return t.rt != nil && t.rt.Pending() }

func (t *timer) cleared() bool { return t.fn == nil }

// addTimer arms t (not armed) to fire t.delay ms from now: from a fresh
// reading of the clock, as node's timers start from an updated loop time,
// so a timer set late in a callback is not due early.
func (l *loop) addTimer(t *timer) {
	when := l.deadline(t.delay)
	if t.rt == nil {
		t.rt = l.core.AfterFuncAt(when, func(*ebbrt.Core) { l.fire(t) })
	} else {
		t.rt.ResetAt(when)
	}
	if t.ref {
		l.refTimers++
	}
	l.reschedule()
}

// deadline is delay ms from now, rounded up to a whole millisecond of loop
// time. Node's timers have millisecond resolution, so timers made within
// one millisecond with one delay are due together and run in one timers
// phase, in creation order (the runtime fires equal deadlines in arming
// order). Rounding up, unlike libuv's loop time, keeps a timer from ever
// firing before its delay has passed.
func (l *loop) deadline(delay float64) time.Time {
	now := time.Now()
	if l.now != nil {
		now = l.now()
	}
	ms := float64(now.Sub(l.base))/float64(time.Millisecond) + delay
	return l.base.Add(time.Duration(math.Ceil(ms)) * time.Millisecond)
}

// removeTimer disarms t; it reports whether t was armed.
func (l *loop) removeTimer(t *timer) bool {
	if t.rt == nil || !t.rt.Stop() {
		return false
	}
	if t.ref {
		l.refTimers--
	}
	return true
}

// setTimerRef changes whether an armed or idle timer keeps the loop alive.
func (l *loop) setTimerRef(t *timer, ref bool) {
	if t.ref == ref {
		return
	}
	t.ref = ref
	if t.armed() {
		if ref {
			l.refTimers++
		} else {
			l.refTimers--
		}
	}
}

// fire is a JS timer's runtime event, one step of the timers phase: the
// runtime has just taken t off its heap.
func (l *loop) fire(t *timer) {
	if t.ref {
		l.refTimers--
	}
	if l.stopped || t.cleared() {
		return
	}
	l.inIter = true
	t.fn()
	// A repeating timer is re-armed unless its callback cleared or
	// re-armed it.
	if t.repeat && !t.armed() && !t.cleared() && !l.stopped {
		l.addTimer(t)
	}
	l.inIter = false
	// The poll and check phases follow the timers phase; the liveness
	// check waits for them, so the other timers due now still run (an
	// unref'd one too) even if this one was the last to keep the loop
	// alive.
	if !l.stopped && !l.scheduled {
		l.scheduled = true
		l.core.SpawnLocal(func(*ebbrt.Core) { l.iterate() })
	}
}

func (l *loop) addImmediate(im *immediate) {
	l.immediates = append(l.immediates, im)
	if im.ref {
		l.refImms++
	}
	l.reschedule()
}

func (l *loop) clearImmediate(im *immediate) {
	if im.cleared {
		return
	}
	im.cleared = true
	if im.ref {
		l.refImms--
	}
}

func (l *loop) setImmediateRef(im *immediate, ref bool) {
	if im.ref == ref || im.cleared {
		im.ref = ref
		return
	}
	im.ref = ref
	if ref {
		l.refImms++
	} else {
		l.refImms--
	}
}

// async runs work on its own goroutine and then done in a later poll phase,
// keeping the loop alive in between. Called from an event on the core.
func (l *loop) async(work func(), done func()) {
	l.pending++
	go func() {
		work()
		l.post(done)
	}()
}

// post hands done (the second half of async work) to the loop. Safe from
// any goroutine.
func (l *loop) post(done func()) {
	l.ebb.SpawnRemote(l.core.ID(), func(*ebbrt.Core) {
		l.pending--
		l.completions = append(l.completions, done)
		if l.stopped || l.inIter || l.scheduled {
			return
		}
		// Woken by I/O: like libuv, go straight to the poll phase and
		// then the check phase; due timers wait for the runtime's next
		// look at its heap.
		l.iterate()
	})
}

// start runs fn (the main module) as the loop's first event.
func (l *loop) start(fn func()) {
	l.base = time.Now()
	l.ebb.SpawnRemote(l.core.ID(), func(*ebbrt.Core) {
		l.inIter = true
		fn()
		l.inIter = false
		l.reschedule()
	})
}

// stop ends the loop: no phase runs after it. Timers still armed stay in
// the runtime's heap until it stops, and do nothing when they fire.
func (l *loop) stop() { l.stopped = true }

// iterate is the poll and check phases of one turn of the loop.
func (l *loop) iterate() {
	l.scheduled = false
	l.inIter = true
	l.runCompletions()
	l.runImmediates()
	l.inIter = false
	l.reschedule()
}

func (l *loop) runCompletions() {
	for !l.stopped && len(l.completions) > 0 {
		batch := l.completions
		l.completions = nil
		for i, fn := range batch {
			if l.stopped {
				return
			}
			batch[i] = nil
			fn()
		}
	}
}

// runImmediates runs the immediates queued when the check phase began;
// those they queue wait for the next iteration, as in node.
func (l *loop) runImmediates() {
	batch := l.immediates
	l.immediates = nil
	for _, im := range batch {
		if l.stopped {
			return
		}
		if im.cleared {
			continue
		}
		im.cleared = true
		if im.ref {
			l.refImms--
		}
		im.fn()
	}
}

// reschedule arranges the next iteration, or ends the loop when nothing
// keeps it alive. Called from events on the core; a no-op while a phase is
// running (it reschedules at its end). Armed timers need nothing here: the
// runtime wakes the core for them.
func (l *loop) reschedule() {
	if l.stopped || l.inIter {
		return
	}
	if !l.alive() {
		if l.scheduled {
			return // an already queued iteration re-checks
		}
		l.inIter = true
		l.onEmpty()
		l.inIter = false
		if l.stopped {
			return
		}
		if !l.alive() {
			l.stop()
			l.finish()
			return
		}
	}
	if l.scheduled {
		return
	}
	if len(l.immediates) > 0 || len(l.completions) > 0 {
		l.scheduled = true
		l.core.SpawnLocal(func(*ebbrt.Core) { l.iterate() })
	}
	// Otherwise armed timers wake the core from the runtime's heap and
	// async work through post.
}
