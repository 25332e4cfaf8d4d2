package runtime

import "testing"

// sink keeps the compiler from dropping the dereferences.
var sink *countingRep

// BenchmarkRefDeref measures Ref.On on a warm core: the rep is already in
// the core's translation table, so this is the cost every Ebb call pays.
func BenchmarkRefDeref(b *testing.B) {
	rt := newTestRuntime(b, 1)
	ref := NewMulticoreEbb[*countingRep](rt, RepFunc[*countingRep](func(c *Core) *countingRep {
		return &countingRep{core: c.ID()}
	}))
	onCore(b, rt, 0, func(c *Core) {
		ref.On(c) // warm: take the miss outside the timed loop
		b.ResetTimer()
		for range b.N {
			sink = ref.On(c)
		}
		b.StopTimer()
	})
}

// BenchmarkSpawnRemoteRoundTrip measures one round trip between two cores:
// core 0 spawns an event on core 1, which spawns the next event back on
// core 0. "futex" is the futex platform (what New gives the first
// GOMAXPROCS-1 cores): an idle core parks at once and each hop is one
// FUTEX_WAKE. On the channel platform "spin" polls for DefaultIdleSpin
// before parking; "park" parks at once, so every hop pays for waking a
// parked thread through the Go scheduler.
func BenchmarkSpawnRemoteRoundTrip(b *testing.B) {
	for _, bb := range []struct {
		name string
		plat func() platform
	}{
		{"futex", func() platform { return newFutexPlatform(0) }},
		{"spin", func() platform { return newThreadPlatform(DefaultIdleSpin) }},
		{"park", func() platform { return newThreadPlatform(-1) }},
	} {
		if bb.name == "futex" && !futexWakes {
			continue
		}
		b.Run(bb.name, func(b *testing.B) {
			rt := newThreadRuntime(Config{Cores: 2}, bb.plat)
			defer rt.Stop()
			done := make(chan struct{})
			n := b.N
			var ping func(c *Core)
			ping = func(c *Core) {
				if n == 0 {
					close(done)
					return
				}
				n--
				c.SpawnRemote(1, func(c *Core) { c.SpawnRemote(0, ping) })
			}
			b.ResetTimer()
			rt.SpawnRemote(0, ping)
			// No timeout: b.N is sized from a shorter run, and one
			// slow run on a loaded host can exceed any fixed bound.
			<-done
		})
	}
}
