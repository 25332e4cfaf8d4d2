package runtime

import (
	"testing"
	"time"
)

// TestIdleCoresWake checks that an idle core wakes for a remote spawn and
// for a timer, whether it parks at once, polls briefly first, or polls for
// longer than the test (so only the timer deadline can end its poll).
func TestIdleCoresWake(t *testing.T) {
	tests := []struct {
		name string
		spin time.Duration
		plat func(time.Duration) platform
	}{
		{"park at once", -1, newThreadPlatform},
		{"default spin", defaultSpin(2), newThreadPlatform},
		{"spin longer than any deadline", time.Hour, newThreadPlatform},
	}
	if futexWakes {
		tests = append(tests, []struct {
			name string
			spin time.Duration
			plat func(time.Duration) platform
		}{
			{"futex park at once", 0, newFutexPlatform},
			{"futex spin longer than any deadline", time.Hour, newFutexPlatform},
		}...)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rt := newThreadRuntime(Config{Cores: 2}, func() platform { return tt.plat(tt.spin) })
			defer rt.Stop()
			// Let both cores go idle (and park, where they do).
			time.Sleep(5 * time.Millisecond)
			onCore(t, rt, 1, func(*Core) {})

			const delay = 20 * time.Millisecond
			fired := make(chan time.Duration, 1)
			onCore(t, rt, 0, func(c *Core) {
				start := time.Now()
				c.AfterFunc(delay, func(*Core) { fired <- time.Since(start) })
			})
			select {
			case d := <-fired:
				if d < delay {
					t.Fatalf("timer fired after %v, before its %v deadline", d, delay)
				}
			case <-time.After(waitTimeout):
				t.Fatalf("idle core did not wake for its timer within %v", waitTimeout)
			}
		})
	}
}

// TestDefaultSpin checks that a core polls by default only when another P
// can run the goroutine that would wake it.
func TestDefaultSpin(t *testing.T) {
	for _, tt := range []struct {
		procs int
		want  time.Duration
	}{{1, -1}, {2, DefaultIdleSpin}, {8, DefaultIdleSpin}} {
		if got := defaultSpin(tt.procs); got != tt.want {
			t.Errorf("defaultSpin(%d) = %v, want %v", tt.procs, got, tt.want)
		}
	}
}

// TestPlatformFor checks the choice of platform, core by core (AddCore
// cores included): futex wakes only while the cores so far, all parked,
// would still leave the Go world a P.
func TestPlatformFor(t *testing.T) {
	for _, tt := range []struct {
		procs int
		futex []bool // for cores 1, 2, ...
	}{{1, []bool{false, false}}, {2, []bool{futexWakes, false, false}}, {3, []bool{futexWakes, futexWakes, false}}} {
		mk := platformFor(Config{}, tt.procs)
		for k, want := range tt.futex {
			_, channel := mk().(*threadPlatform)
			if channel == want {
				t.Errorf("GOMAXPROCS %d, core %d: futex platform %v, want %v", tt.procs, k+1, !channel, want)
			}
		}
	}
}
