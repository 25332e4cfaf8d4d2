package runtime

import (
	"testing"

	"golang.org/x/sys/unix"
)

// TestFutexWakesEveryCore hammers wake-ups across cores on the futex
// platform: every core passes a counter on to the next 2000 times, each
// hop a SpawnRemote to a core that is usually parked. A lost wake-up
// hangs the ring (and fails at waitTimeout).
func TestFutexWakesEveryCore(t *testing.T) {
	const cores, hops = 3, 2000
	rt := newThreadRuntime(Config{Cores: cores}, func() platform { return newFutexPlatform(0) })
	defer rt.Stop()
	done := make(chan struct{})
	var hop func(n int) func(c *Core)
	hop = func(n int) func(c *Core) {
		return func(c *Core) {
			if n == hops {
				close(done)
				return
			}
			c.SpawnRemote((c.ID()+1)%cores, hop(n+1))
		}
	}
	rt.SpawnRemote(0, hop(0))
	wait(t, done)
}

// TestCoresPinned checks that core i's thread runs only on CPU i mod n of
// the n CPUs this process may use (natively: vCPU i) with Config.Pin,
// and that without it the threads are left alone.
func TestCoresPinned(t *testing.T) {
	cpus := affinityCPUs()
	if len(cpus) == 0 {
		t.Fatal("sched_getaffinity listed no CPU")
	}
	n := len(cpus) + 1 // one more core than CPUs: the last shares CPU 0's
	rt := New(Config{Cores: n, Pin: true})
	defer rt.Stop()
	for i := 0; i < n; i++ {
		want := cpus[i%len(cpus)]
		onCore(t, rt, i, func(c *Core) {
			var set unix.CPUSet
			if err := unix.SchedGetaffinity(0, &set); err != nil {
				t.Errorf("core %d: sched_getaffinity: %v", i, err)
				return
			}
			if set.Count() != 1 || !set.IsSet(want) {
				t.Errorf("core %d's thread may run on %d CPUs (CPU %d: %v), want only CPU %d", i, set.Count(), want, set.IsSet(want), want)
			}
			if got := c.CPU(); got != want {
				t.Errorf("core %d: CPU() = %d, want %d", i, got, want)
			}
		})
	}

	free := New(Config{Cores: 1})
	defer free.Stop()
	onCore(t, free, 0, func(c *Core) {
		var set unix.CPUSet
		if err := unix.SchedGetaffinity(0, &set); err != nil {
			t.Errorf("sched_getaffinity: %v", err)
		}
		if set.Count() != len(cpus) {
			t.Errorf("unpinned core's thread may run on %d CPUs, want all %d", set.Count(), len(cpus))
		}
		if c.CPU() != -1 {
			t.Errorf("unpinned core: CPU() = %d, want -1", c.CPU())
		}
	})
}
