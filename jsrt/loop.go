package jsrt

import (
	"container/heap"
	"math"
	"time"

	ebbrt "github.com/ebbnode/ebbnode/runtime"
)

// loop is node's event loop (libuv's phases, as far as scripts can tell)
// built on one core of the Ebb runtime. It keeps its own timer heap and
// immediate queue and runs one iteration — timers, poll (completed async
// work), check (immediates) — per Ebb event. Between iterations it holds at
// most one wake-up pending on the core: a local spawn when there is work
// now, an Ebb timer for the earliest JS timer, or nothing while it waits
// for async work to complete through SpawnRemote.
//
// All fields belong to events on the loop's core; only post may be called
// from other goroutines.
type loop struct {
	ebb  *ebbrt.Runtime
	core *ebbrt.Core

	timers     timerHeap
	timerSeq   uint64
	refTimers  int // active timers that keep the loop alive
	immediates []*immediate
	refImms    int // queued immediates that keep the loop alive

	pending     int      // async operations in flight that keep it alive
	completions []func() // finished async work, run in the poll phase

	// Loop time, as libuv keeps it but not rounded to whole milliseconds
	// (so a timer never fires early): milliseconds since base. The
	// timers phase compares against the time read when the iteration
	// began; a new timer starts from a fresh reading (node's getLibuvNow
	// updates the time), so a timer set late in a callback is not due in
	// the same millisecond.
	base  time.Time
	nowMs float64

	wake      *ebbrt.Timer // pending Ebb timer wake-up, if any
	scheduled bool         // an iteration is queued as a local spawn
	inIter    bool
	stopped   bool

	// onEmpty runs when nothing keeps the loop alive ('beforeExit'). The
	// loop checks again afterwards and, still empty, calls finish.
	onEmpty func()
	finish  func()
}

// timer is one setTimeout/setInterval. Phase callbacks (timer.fn,
// immediate.fn, completions) run JS themselves, through vm.callJS/callGo.
type timer struct {
	due    float64 // loop time (ms) at which it fires
	seq    uint64
	index  int     // in loop.timers; -1 when not armed
	delay  float64 // ms
	repeat bool
	ref    bool
	fn     func()
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

// updateTime reads the clock into the loop time.
func (l *loop) updateTime() { l.nowMs = float64(time.Since(l.base)) / float64(time.Millisecond) }

// addTimer arms t to fire t.delay ms after the current loop time.
func (l *loop) addTimer(t *timer) {
	l.addTimerNoWake(t)
	l.reschedule()
}

// removeTimer disarms t; it reports whether t was armed.
func (l *loop) removeTimer(t *timer) bool {
	if t.index < 0 {
		return false
	}
	heap.Remove(&l.timers, t.index)
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
	if t.index >= 0 {
		if ref {
			l.refTimers++
		} else {
			l.refTimers--
		}
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
		// then the check phase; due timers wait for the next iteration.
		if l.wake != nil {
			l.wake.Stop()
			l.wake = nil
		}
		l.iterate(false)
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

// stop ends the loop: no phase runs after it.
func (l *loop) stop() {
	l.stopped = true
	if l.wake != nil {
		l.wake.Stop()
		l.wake = nil
	}
}

// iterate is one turn of the loop. withTimers is false when the turn was
// started by completed I/O.
func (l *loop) iterate(withTimers bool) {
	l.scheduled = false
	l.wake = nil
	l.inIter = true
	l.updateTime()
	if withTimers {
		l.runTimers()
	}
	l.runCompletions()
	l.runImmediates()
	l.inIter = false
	l.reschedule()
}

func (l *loop) runTimers() {
	for !l.stopped && len(l.timers) > 0 && l.timers[0].due <= l.nowMs {
		t := heap.Pop(&l.timers).(*timer)
		if t.ref {
			l.refTimers--
		}
		t.fn()
		// A repeating timer is re-armed unless its callback cleared or
		// re-armed it.
		if t.repeat && t.index < 0 && !t.cleared() {
			l.addTimerNoWake(t)
		}
	}
}

func (t *timer) cleared() bool { return t.fn == nil }

func (l *loop) addTimerNoWake(t *timer) {
	l.timerSeq++
	t.seq = l.timerSeq
	l.updateTime()
	t.due = l.nowMs + t.delay
	heap.Push(&l.timers, t)
	if t.ref {
		l.refTimers++
	}
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
// keeps it alive. Called from events on the core; a no-op while an
// iteration is running (it reschedules at its end).
func (l *loop) reschedule() {
	if l.stopped || l.inIter {
		return
	}
	if !l.alive() {
		if l.scheduled {
			return // an already queued iteration re-checks
		}
		if l.wake != nil {
			l.wake.Stop()
			l.wake = nil
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
		if l.wake != nil {
			l.wake.Stop()
			l.wake = nil
		}
		l.scheduled = true
		l.core.SpawnLocal(func(*ebbrt.Core) { l.iterate(true) })
		return
	}
	if len(l.timers) == 0 {
		return // waiting for async work; post wakes the loop
	}
	due := l.base.Add(time.Duration(math.Ceil(l.timers[0].due * float64(time.Millisecond))))
	d := time.Until(due)
	if l.wake != nil {
		l.wake.Stop()
	}
	l.wake = l.core.AfterFunc(d, func(*ebbrt.Core) { l.iterate(true) })
}

// timerHeap orders timers by deadline, then by creation, like node's lists.
type timerHeap []*timer

func (h timerHeap) Len() int { return len(h) }
func (h timerHeap) Less(i, j int) bool {
	if h[i].due == h[j].due {
		return h[i].seq < h[j].seq
	}
	return h[i].due < h[j].due
}
func (h timerHeap) Swap(i, j int) {
	h[i], h[j] = h[j], h[i]
	h[i].index = i
	h[j].index = j
}
func (h *timerHeap) Push(x any) {
	t := x.(*timer)
	t.index = len(*h)
	*h = append(*h, t)
}
func (h *timerHeap) Pop() any {
	old := *h
	t := old[len(old)-1]
	old[len(old)-1] = nil
	*h = old[:len(old)-1]
	t.index = -1
	return t
}
