package jsrt

import (
	"slices"
	"testing"
	"time"

	ebbrt "github.com/ebbnode/ebbnode/runtime"
)

// runLoop runs main as the first event of a loop and returns what the
// callbacks logged once the loop has finished. With fixed, new timers all
// read the same clock, so equal delays give equal deadlines.
func runLoop(t *testing.T, fixed bool, main func(l *loop, log func(string))) []string {
	t.Helper()
	ebb := ebbrt.New(ebbrt.Config{Cores: 1})
	defer ebb.Stop()
	var got []string
	done := make(chan struct{})
	l := &loop{ebb: ebb, core: ebb.Core(0)}
	l.onEmpty = func() { got = append(got, "beforeExit") }
	l.finish = func() { close(done) }
	l.start(func() {
		if fixed {
			base := l.base
			l.now = func() time.Time { return base }
		}
		main(l, func(s string) { got = append(got, s) })
	})
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("loop did not finish")
	}
	return got
}

func newTimer(delay float64, fn func()) *timer {
	return &timer{delay: delay, ref: true, fn: fn}
}

// TestTimersPhase: timers due together run in one timers phase, in
// creation order, before the immediates they set (the check phase), and an
// unref'd timer due in that phase runs even though the ref'd timer before
// it was the last thing keeping the loop alive (node checks liveness after
// the phases, not between callbacks).
func TestTimersPhase(t *testing.T) {
	got := runLoop(t, true, func(l *loop, log func(string)) {
		l.addTimer(newTimer(5, func() {
			log("a")
			l.addImmediate(&immediate{ref: true, fn: func() { log("immediate from a") }})
		}))
		l.addTimer(newTimer(5, func() { log("b") }))
		u := newTimer(5, func() { log("unref c") })
		u.ref = false
		l.addTimer(u)
	})
	want := []string{"a", "b", "unref c", "immediate from a", "beforeExit"}
	if !slices.Equal(got, want) {
		t.Errorf("order = %q, want %q", got, want)
	}
}

// TestUnrefTimerInLastPhase: the last ref'd timer and an unref'd one due
// in the same phase both run before the loop ends.
func TestUnrefTimerInLastPhase(t *testing.T) {
	got := runLoop(t, true, func(l *loop, log func(string)) {
		l.addTimer(newTimer(5, func() { log("a") }))
		u := newTimer(5, func() { log("unref b") })
		u.ref = false
		l.addTimer(u)
	})
	want := []string{"a", "unref b", "beforeExit"}
	if !slices.Equal(got, want) {
		t.Errorf("order = %q, want %q", got, want)
	}
}

// TestTimersUnrefAlone: an unref'd timer alone does not keep the loop
// alive, and a cleared timer never runs, even when cleared by a callback
// in the same timers phase.
func TestTimersUnrefAlone(t *testing.T) {
	got := runLoop(t, true, func(l *loop, log func(string)) {
		var b *timer
		l.addTimer(newTimer(5, func() {
			log("a")
			l.removeTimer(b)
			b.fn = nil
		}))
		b = newTimer(5, func() { log("b") })
		l.addTimer(b)
		u := newTimer(50, func() { log("unref") })
		u.ref = false
		l.addTimer(u)
	})
	want := []string{"a", "beforeExit"}
	if !slices.Equal(got, want) {
		t.Errorf("order = %q, want %q", got, want)
	}
}

// TestIntervalRearms: a repeating timer re-arms itself after each run
// until its callback clears it.
func TestIntervalRearms(t *testing.T) {
	got := runLoop(t, false, func(l *loop, log func(string)) {
		n := 0
		var iv *timer
		iv = newTimer(1, func() {
			n++
			log("tick")
			if n == 3 {
				l.removeTimer(iv)
				iv.fn = nil
			}
		})
		iv.repeat = true
		l.addTimer(iv)
	})
	want := []string{"tick", "tick", "tick", "beforeExit"}
	if !slices.Equal(got, want) {
		t.Errorf("order = %q, want %q", got, want)
	}
}
