package runtime

import (
	"container/heap"
	"time"
)

// Timer is a pending AfterFunc on one core. Its methods may be called only
// from events on that core (the heap they touch is the core's own).
type Timer struct {
	em    *EventManagerRep
	when  time.Time
	seq   uint64
	fn    func(*Core)
	index int // position in em.timers; -1 once fired or stopped
}

// Pending reports whether the timer is armed: it has not fired since it
// was made or last Reset, and has not been stopped. In its own fn it is
// false, unless fn re-armed it.
//
// Concurrency: only from an event on the timer's core.
func (t *Timer) Pending() bool { return t.index >= 0 }

// Stop cancels the timer. It returns true if that prevented fn from
// running, false if fn already ran (or started) or the timer was stopped.
//
// Concurrency: only from an event on the timer's core.
func (t *Timer) Stop() bool {
	if t.index < 0 {
		return false
	}
	heap.Remove(&t.em.timers, t.index)
	return true
}

// Reset re-arms the timer to run fn after d, whether or not it has fired or
// been stopped. It returns true if the timer was pending.
//
// Concurrency: only from an event on the timer's core.
func (t *Timer) Reset(d time.Duration) bool { return t.ResetAt(time.Now().Add(d)) }

// ResetAt is Reset to a deadline: fn runs once the clock reaches when.
// Timers with equal deadlines fire in the order they were armed.
//
// Concurrency: only from an event on the timer's core.
func (t *Timer) ResetAt(when time.Time) bool {
	pending := t.Stop()
	t.em.arm(t, when)
	return pending
}

// arm schedules t (not pending) to fire at when.
func (em *EventManagerRep) arm(t *Timer, when time.Time) {
	t.when = when
	em.timerSeq++
	t.seq = em.timerSeq
	heap.Push(&em.timers, t)
}

// timerHeap is a min-heap of timers by deadline, then creation order, for
// container/heap. It keeps each Timer's index current so Stop is O(log n).
type timerHeap []*Timer

func (h timerHeap) Len() int { return len(h) }

func (h timerHeap) Less(i, j int) bool {
	if h[i].when.Equal(h[j].when) {
		return h[i].seq < h[j].seq
	}
	return h[i].when.Before(h[j].when)
}

func (h timerHeap) Swap(i, j int) {
	h[i], h[j] = h[j], h[i]
	h[i].index = i
	h[j].index = j
}

func (h *timerHeap) Push(x any) {
	t := x.(*Timer)
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
