package runtime

import (
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
)

// countingRep is a rep that remembers which core built it.
type countingRep struct{ core int }

// countingRoot is a multicore root that counts NewRep calls per core.
type countingRoot struct{ calls []atomic.Int32 }

func (r *countingRoot) NewRep(c *Core) *countingRep {
	r.calls[c.ID()].Add(1)
	return &countingRep{core: c.ID()}
}

func TestRepBuiltLazilyOncePerCore(t *testing.T) {
	const cores = 3
	rt := newTestRuntime(t, cores)
	root := &countingRoot{calls: make([]atomic.Int32, cores)}
	ref := NewMulticoreEbb[*countingRep](rt, root)

	// Use the Ebb on cores 0 and 2 only, several times each, and across
	// separate events so the cache (not a local variable) must answer.
	reps := make([]*countingRep, cores)
	for _, i := range []int{0, 2} {
		for range 3 {
			onCore(t, rt, i, func(c *Core) {
				rep := ref.On(c)
				if reps[i] != nil && rep != reps[i] {
					t.Errorf("core %d: On returned %p, earlier %p", i, rep, reps[i])
				}
				reps[i] = rep
			})
		}
	}
	for i, want := range []int32{1, 0, 1} {
		if got := root.calls[i].Load(); got != want {
			t.Errorf("core %d: NewRep called %d times, want %d", i, got, want)
		}
	}
	for _, i := range []int{0, 2} {
		if reps[i].core != i {
			t.Errorf("core %d got the rep built on core %d", i, reps[i].core)
		}
	}
}

func TestSharedAndMulticoreKinds(t *testing.T) {
	const cores = 3
	tests := []struct {
		name     string
		install  func(rt *Runtime) Ref[*countingRep]
		distinct int // number of distinct reps seen over all cores
	}{
		{"shared", func(rt *Runtime) Ref[*countingRep] {
			return NewSharedEbb(rt, &countingRep{core: -1})
		}, 1},
		{"multicore", func(rt *Runtime) Ref[*countingRep] {
			return NewMulticoreEbb[*countingRep](rt, RepFunc[*countingRep](func(c *Core) *countingRep {
				return &countingRep{core: c.ID()}
			}))
		}, cores},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rt := newTestRuntime(t, cores)
			ref := tt.install(rt)
			seen := make(map[*countingRep]bool)
			for i := range cores {
				onCore(t, rt, i, func(c *Core) { seen[ref.On(c)] = true })
			}
			if len(seen) != tt.distinct {
				t.Fatalf("%d cores saw %d distinct reps, want %d", cores, len(seen), tt.distinct)
			}
		})
	}
}

func TestInstallErrors(t *testing.T) {
	rt := newTestRuntime(t, 1)
	if _, err := InstallShared(rt, MessengerId, 1); err != nil {
		t.Fatalf("first install of %v: %v", MessengerId, err)
	}
	tests := []struct {
		name    string
		id      EbbId
		wantErr string
	}{
		{"static id twice", MessengerId, "already installed"},
		{"system Ebb", EventManagerId, "already installed"},
		{"null id", NullId, "reserved"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := InstallShared(rt, tt.id, 2)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("error = %v, want one containing %q", err, tt.wantErr)
			}
		})
	}
	// The failed installs must not have replaced the first one.
	onCore(t, rt, 0, func(c *Core) {
		if got := RefOf[int](MessengerId).On(c); got != 1 {
			t.Errorf("Messenger rep = %d, want 1", got)
		}
	})
}

func TestDerefBrokenInvariantsPanic(t *testing.T) {
	rt := newTestRuntime(t, 1)
	shared := NewSharedEbb(rt, "a string")
	tests := []struct {
		name      string
		deref     func(c *Core)
		wantPanic string
	}{
		{"not installed", func(c *Core) { RefOf[int](AllocateId()).On(c) }, "not installed"},
		{"zero Ref", func(c *Core) { Ref[int]{}.On(c) }, "not installed"},
		{"wrong type", func(c *Core) { RefOf[int](shared.Id()).On(c) }, "returned string, but the Ref wants int"},
		{"nil rep", func(c *Core) {
			RefOf[fmt.Stringer](NewSharedEbb[fmt.Stringer](rt, nil).Id()).On(c)
		}, "returned nil"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got any
			onCore(t, rt, 0, func(c *Core) { got = panicOf(func() { tt.deref(c) }) })
			msg, _ := got.(string)
			if !strings.Contains(msg, tt.wantPanic) {
				t.Fatalf("panic = %v, want one containing %q", got, tt.wantPanic)
			}
		})
	}
}
