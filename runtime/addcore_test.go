package runtime

import "testing"

// TestAddCore: an added core gets the next id, runs its own events (with
// its own per-core reps) and stops with the Runtime; none is added after.
func TestAddCore(t *testing.T) {
	rt := New(Config{Cores: 1})
	c := rt.AddCore()
	if c == nil || c.ID() != 1 || rt.NumCores() != 2 || rt.Core(1) != c {
		t.Fatalf("AddCore: got core %v, NumCores %d", c, rt.NumCores())
	}
	got := make(chan *EventManagerRep, 2)
	for i := 0; i < 2; i++ {
		rt.SpawnRemote(i, func(c *Core) { got <- EventManager.On(c) })
	}
	a, b := <-got, <-got
	if a == b || a.c.ID()+b.c.ID() != 1 {
		t.Fatalf("cores 0 and 1 share an event manager rep or ran on the wrong core")
	}
	rt.Stop()
	if rt.AddCore() != nil {
		t.Fatal("AddCore after Stop returned a core")
	}
}
