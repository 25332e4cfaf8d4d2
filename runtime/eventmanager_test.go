package runtime

import (
	"slices"
	"sync"
	"testing"
	"time"

	"go.uber.org/goleak"
)

func TestConfigCores(t *testing.T) {
	tests := []struct{ cores, want int }{{0, 1}, {-3, 1}, {1, 1}, {4, 4}}
	for _, tt := range tests {
		rt := New(Config{Cores: tt.cores})
		got := rt.NumCores()
		for i := range got {
			if id := rt.Core(i).ID(); id != i || rt.Core(i).Runtime() != rt {
				t.Errorf("Cores=%d: Core(%d) has ID %d", tt.cores, i, id)
			}
		}
		rt.Stop()
		if got != tt.want {
			t.Errorf("Config{Cores: %d}: NumCores = %d, want %d", tt.cores, got, tt.want)
		}
	}
	rt := newTestRuntime(t, 2)
	if p := panicOf(func() { rt.Core(2) }); p == nil {
		t.Errorf("Core(2) of 2 cores did not panic")
	}
}

func TestEventManagerIsMulticoreEbb(t *testing.T) {
	rt := newTestRuntime(t, 2)
	reps := make([]*EventManagerRep, 2)
	for i := range reps {
		onCore(t, rt, i, func(c *Core) { reps[i] = EventManager.On(c) })
	}
	if reps[0] == reps[1] || reps[0].c != rt.Core(0) || reps[1].c != rt.Core(1) {
		t.Fatalf("EventManager reps are not one per core: %p (core %d), %p (core %d)",
			reps[0], reps[0].c.ID(), reps[1], reps[1].c.ID())
	}
}

func TestSpawnLocalOrder(t *testing.T) {
	tests := []struct {
		name string
		// spawn runs in the first event and spawns the rest; log records order.
		spawn func(c *Core, log func(string))
		want  []string
	}{
		{"FIFO", func(c *Core, log func(string)) {
			for _, s := range []string{"a", "b", "c", "d"} {
				c.SpawnLocal(func(*Core) { log(s) })
			}
			log("first")
		}, []string{"first", "a", "b", "c", "d"}},
		{"nested spawns queue behind earlier ones", func(c *Core, log func(string)) {
			c.SpawnLocal(func(c *Core) {
				log("a")
				c.SpawnLocal(func(*Core) { log("a.1") })
			})
			c.SpawnLocal(func(*Core) { log("b") })
		}, []string{"a", "b", "a.1"}},
		{"through the EventManager Ebb", func(c *Core, log func(string)) {
			EventManager.On(c).SpawnLocal(func(*Core) { log("em") })
			c.SpawnLocal(func(*Core) { log("core") })
		}, []string{"em", "core"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rt := newTestRuntime(t, 1)
			var got []string
			done := make(chan struct{})
			rt.SpawnRemote(0, func(c *Core) {
				tt.spawn(c, func(s string) { got = append(got, s) })
				// An idle handler runs once everything spawned has run.
				var remove func()
				remove = c.AddIdleHandler(func(*Core) { remove(); close(done) })
			})
			wait(t, done)
			if !slices.Equal(got, tt.want) {
				t.Fatalf("order = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestSpawnRemoteFromEvents(t *testing.T) {
	rt := newTestRuntime(t, 3)
	// A relay 0 → 1 → 2 → 0, each hop recording the core it ran on.
	var hops []int
	done := make(chan struct{})
	rt.SpawnRemote(0, func(c *Core) {
		hops = append(hops, c.ID())
		c.SpawnRemote(1, func(c *Core) {
			hops = append(hops, c.ID())
			c.SpawnRemote(2, func(c *Core) {
				hops = append(hops, c.ID())
				c.SpawnRemote(0, func(c *Core) {
					hops = append(hops, c.ID())
					close(done)
				})
			})
		})
	})
	wait(t, done)
	if want := []int{0, 1, 2, 0}; !slices.Equal(hops, want) {
		t.Fatalf("hops = %v, want %v", hops, want)
	}
}

func TestSpawnRemoteFromGoroutines(t *testing.T) {
	const cores, senders, each = 2, 4, 200
	rt := newTestRuntime(t, cores)
	// got[core][sender] lists the sequence numbers each core received from
	// each sender; only events on that core append to got[core].
	got := make([][][]int, cores)
	for i := range got {
		got[i] = make([][]int, senders)
	}
	var wrongCore sync.Once
	var wg sync.WaitGroup
	for s := range senders {
		wg.Go(func() {
			for n := range each {
				target := n % cores
				rt.SpawnRemote(target, func(c *Core) {
					if c.ID() != target {
						wrongCore.Do(func() { t.Errorf("event for core %d ran on core %d", target, c.ID()) })
					}
					got[target][s] = append(got[target][s], n)
				})
			}
		})
	}
	wg.Wait()
	// Spawn a marker behind every sender's events and wait for it.
	for i := range cores {
		onCore(t, rt, i, func(*Core) {})
	}
	for core := range cores {
		for s := range senders {
			var want []int
			for n := core; n < each; n += cores {
				want = append(want, n)
			}
			if !slices.Equal(got[core][s], want) {
				t.Errorf("core %d from sender %d: got %v, want %v (all, in send order)", core, s, got[core][s], want)
			}
		}
	}
}

func TestTimersFireByDeadline(t *testing.T) {
	rt := newTestRuntime(t, 2)
	var got []time.Duration
	var wrongCore []int
	done := make(chan struct{})
	delays := []time.Duration{40, 10, 30, 0, 20} // milliseconds
	start := time.Now()
	var early []time.Duration
	rt.SpawnRemote(1, func(c *Core) {
		for _, d := range delays {
			c.AfterFunc(d*time.Millisecond, func(c *Core) {
				if c.ID() != 1 {
					wrongCore = append(wrongCore, c.ID())
				}
				if time.Since(start) < d*time.Millisecond {
					early = append(early, d)
				}
				got = append(got, d)
				if len(got) == len(delays) {
					close(done)
				}
			})
		}
	})
	wait(t, done)
	if want := []time.Duration{0, 10, 20, 30, 40}; !slices.Equal(got, want) {
		t.Errorf("fire order = %v, want %v", got, want)
	}
	if len(early) > 0 {
		t.Errorf("timers %v ms fired before their deadline", early)
	}
	if len(wrongCore) > 0 {
		t.Errorf("timers ran on cores %v, want 1", wrongCore)
	}
}

func TestTimerStop(t *testing.T) {
	tests := []struct {
		name     string
		stopWhen string // "before" firing, "after" firing, "twice" before firing
		wantStop []bool // results of the Stop calls
		wantRan  bool
	}{
		{"before firing", "before", []bool{true}, false},
		{"twice before firing", "twice", []bool{true, false}, false},
		{"after firing", "after", []bool{false}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rt := newTestRuntime(t, 1)
			ran := false
			var stops []bool
			done := make(chan struct{})
			rt.SpawnRemote(0, func(c *Core) {
				d := 5 * time.Millisecond
				if tt.stopWhen == "after" {
					d = 0
				}
				tm := c.AfterFunc(d, func(*Core) { ran = true })
				stop := func() { stops = append(stops, tm.Stop()) }
				switch tt.stopWhen {
				case "before":
					stop()
				case "twice":
					stop()
					stop()
				}
				// A later timer checks the outcome once the first one's
				// deadline has long passed.
				c.AfterFunc(30*time.Millisecond, func(*Core) {
					if tt.stopWhen == "after" {
						stop()
					}
					close(done)
				})
			})
			wait(t, done)
			if ran != tt.wantRan {
				t.Errorf("timer ran = %v, want %v", ran, tt.wantRan)
			}
			if !slices.Equal(stops, tt.wantStop) {
				t.Errorf("Stop() results = %v, want %v", stops, tt.wantStop)
			}
		})
	}
}

func TestTimerStopFromEarlierTimer(t *testing.T) {
	// Two timers expire in the same turn; the first stops the second,
	// which must then not run.
	rt := newTestRuntime(t, 1)
	var second *Timer
	var stopped, ran bool
	done := make(chan struct{})
	rt.SpawnRemote(0, func(c *Core) {
		c.AfterFunc(time.Millisecond, func(*Core) { stopped = second.Stop() })
		second = c.AfterFunc(time.Millisecond, func(*Core) { ran = true })
		c.AfterFunc(20*time.Millisecond, func(*Core) { close(done) })
	})
	wait(t, done)
	if !stopped || ran {
		t.Fatalf("Stop from an earlier timer: Stop() = %v, second ran = %v; want true, false", stopped, ran)
	}
}

func TestTimerReset(t *testing.T) {
	rt := newTestRuntime(t, 1)
	var fired []string
	done := make(chan struct{})
	var pending []bool
	rt.SpawnRemote(0, func(c *Core) {
		a := c.AfterFunc(time.Millisecond, func(*Core) { fired = append(fired, "a") })
		c.AfterFunc(10*time.Millisecond, func(*Core) { fired = append(fired, "b") })
		// Push a behind b: it must fire once, after b.
		pending = append(pending, a.Reset(20*time.Millisecond))
		c.AfterFunc(40*time.Millisecond, func(*Core) {
			// Re-arming a fired timer runs it again.
			pending = append(pending, a.Reset(0))
			c.AfterFunc(10*time.Millisecond, func(*Core) { close(done) })
		})
	})
	wait(t, done)
	if want := []string{"b", "a", "a"}; !slices.Equal(fired, want) {
		t.Errorf("fired = %v, want %v", fired, want)
	}
	if want := []bool{true, false}; !slices.Equal(pending, want) {
		t.Errorf("Reset() results = %v, want %v", pending, want)
	}
}

// TestTimersSameDeadline: timers armed for one deadline fire in arming
// order, in one turn (no event spawned by the first runs before the
// last), and not before the deadline.
func TestTimersSameDeadline(t *testing.T) {
	rt := newTestRuntime(t, 1)
	var got []string
	var early bool
	done := make(chan struct{})
	rt.SpawnRemote(0, func(c *Core) {
		when := time.Now().Add(5 * time.Millisecond)
		fire := func(name string) func(*Core) {
			return func(c *Core) {
				early = early || time.Now().Before(when)
				got = append(got, name)
				c.SpawnLocal(func(*Core) { got = append(got, "event after "+name) })
			}
		}
		c.AfterFuncAt(when, fire("a"))
		b := c.AfterFuncAt(when.Add(time.Hour), fire("b"))
		c.AfterFuncAt(when, fire("c"))
		b.ResetAt(when) // armed last: fires last
		c.AfterFuncAt(when.Add(10*time.Millisecond), func(*Core) { close(done) })
	})
	wait(t, done)
	want := []string{"a", "c", "b", "event after a", "event after c", "event after b"}
	if !slices.Equal(got, want) {
		t.Errorf("order = %q, want %q", got, want)
	}
	if early {
		t.Error("a timer fired before its deadline")
	}
}

// TestTimerPending follows one timer through its states: armed, firing
// (not pending inside its own fn), re-armed from fn, stopped.
func TestTimerPending(t *testing.T) {
	rt := newTestRuntime(t, 1)
	var got []bool
	done := make(chan struct{})
	rt.SpawnRemote(0, func(c *Core) {
		var tm *Timer
		fires := 0
		tm = c.AfterFunc(time.Millisecond, func(*Core) {
			fires++
			got = append(got, tm.Pending()) // inside fn: false
			if fires == 1 {
				tm.Reset(time.Millisecond)
				got = append(got, tm.Pending()) // re-armed: true
				return
			}
			c.AfterFunc(5*time.Millisecond, func(*Core) {
				got = append(got, tm.Pending()) // fired: false
				tm.Reset(time.Hour)
				got = append(got, tm.Pending()) // re-armed: true
				tm.Stop()
				got = append(got, tm.Pending()) // stopped: false
				close(done)
			})
		})
		got = append(got, tm.Pending()) // armed: true
	})
	wait(t, done)
	if want := []bool{true, false, true, false, false, true, false}; !slices.Equal(got, want) {
		t.Errorf("Pending() along the way = %v, want %v", got, want)
	}
}

func TestIdleHandlers(t *testing.T) {
	rt := newTestRuntime(t, 1)
	var log []string
	done := make(chan struct{})
	rt.SpawnRemote(0, func(c *Core) {
		runs := 0
		var remove func()
		remove = c.AddIdleHandler(func(c *Core) {
			runs++
			log = append(log, "idle")
			switch runs {
			case 1:
				// Work spawned by an idle handler runs before the
				// core sleeps, and the handler runs again after it.
				c.SpawnLocal(func(*Core) { log = append(log, "from idle") })
			case 2:
				remove()
				remove() // idempotent
				// The handler must not run again: this timer's
				// turn ends idle, and then done is closed.
				c.AfterFunc(5*time.Millisecond, func(c *Core) {
					log = append(log, "timer")
					c.AfterFunc(5*time.Millisecond, func(*Core) { close(done) })
				})
			}
		})
		// The handler waits until the queue is empty.
		for range 2 {
			c.SpawnLocal(func(*Core) { log = append(log, "event") })
		}
	})
	wait(t, done)
	want := []string{"event", "event", "idle", "from idle", "idle", "timer"}
	if !slices.Equal(log, want) {
		t.Fatalf("log = %v, want %v", log, want)
	}
}

func TestStop(t *testing.T) {
	before := goleak.IgnoreCurrent()
	rt := New(Config{Cores: 3})
	// Leave every core with work: a pending timer, a self-respawning event
	// and an idle handler.
	for i := range rt.NumCores() {
		onCore(t, rt, i, func(c *Core) {
			c.AfterFunc(time.Hour, func(*Core) {})
			c.AddIdleHandler(func(*Core) {})
			var spin func(c *Core)
			spin = func(c *Core) { c.SpawnLocal(spin) }
			c.SpawnLocal(spin)
		})
	}
	stopped := make(chan struct{})
	go func() { rt.Stop(); close(stopped) }()
	wait(t, stopped)
	rt.Stop()                         // idempotent
	rt.SpawnRemote(0, func(*Core) {}) // dropped, not a panic
	if !rt.Core(0).inbox.empty() {
		t.Error("an event spawned after Stop was queued")
	}
	if err := goleak.Find(before); err != nil {
		t.Fatalf("workers outlived Stop: %v", err)
	}
}

func TestIdleHandlerRemoval(t *testing.T) {
	tests := []struct {
		name string
		// setup registers handlers on c; victim must never run.
		setup func(c *Core, victim func(*Core))
	}{
		{"removed by an event before the core is idle", func(c *Core, victim func(*Core)) {
			remove := c.AddIdleHandler(victim)
			c.SpawnLocal(func(*Core) { remove() })
		}},
		{"removed by an earlier handler in the same pass", func(c *Core, victim func(*Core)) {
			var remove func()
			c.AddIdleHandler(func(*Core) { remove() })
			remove = c.AddIdleHandler(victim)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rt := newTestRuntime(t, 1)
			ran := false
			done := make(chan struct{})
			rt.SpawnRemote(0, func(c *Core) {
				tt.setup(c, func(*Core) { ran = true })
				// Several idle periods pass before done.
				c.AfterFunc(5*time.Millisecond, func(c *Core) {
					c.AfterFunc(5*time.Millisecond, func(*Core) { close(done) })
				})
			})
			wait(t, done)
			if ran {
				t.Fatal("a removed idle handler ran")
			}
		})
	}
}
