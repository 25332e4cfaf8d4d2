package runtime

import (
	"fmt"
	"reflect"
	"sync"
)

// Ref is a typed EbbRef: the handle through which code reaches an Ebb. It
// holds only the EbbId, so it is small, comparable and valid on every core;
// On turns it into this core's representative.
type Ref[T any] struct{ id EbbId }

// RefOf returns the Ref for id. Use it for static ids whose rep type is
// agreed on (for example a Messenger); the type is checked on first
// dereference on each core.
func RefOf[T any](id EbbId) Ref[T] { return Ref[T]{id: id} }

// Id returns the Ebb's global id.
func (r Ref[T]) Id() EbbId { return r.id }

// On returns core c's representative of the Ebb. The first call on a core
// takes the translation-miss path (the Ebb's Root builds or finds the rep);
// later calls are one bounds check and one slice load in c's private table.
//
// Concurrency: only from an event running on c (the table is c's alone and
// has no locks). Precondition: the Ebb is installed in c's Runtime; a
// dereference of an unknown id panics, since it is a broken invariant.
func (r Ref[T]) On(c *Core) T {
	if int(r.id) < len(c.table) {
		if rep := c.table[r.id]; rep != nil {
			return rep.(T)
		}
	}
	return missOn[T](c, r.id)
}

// missOn is the one translation-miss path for every Ebb: ask the Ebb's root
// for this core's rep, check its type, cache it in the core's table.
func missOn[T any](c *Core, id EbbId) T {
	rep := c.rt.roots.faultHandler(id)(c)
	if rep == nil {
		// A nil rep could not be cached (nil marks an empty slot).
		panic(fmt.Sprintf("ebb runtime: %v: fault handler on core %d returned nil", id, c.id))
	}
	t, ok := rep.(T)
	if !ok {
		panic(fmt.Sprintf("ebb runtime: %v: fault handler on core %d returned %T, but the Ref wants %s",
			id, c.id, rep, typeName[T]()))
	}
	if int(id) >= len(c.table) {
		grown := make([]any, int(id)+1, max(int(id)+1, 2*len(c.table)))
		copy(grown, c.table)
		c.table = grown
	}
	c.table[id] = rep
	return t
}

// Root is an Ebb's global part: the object the miss path asks for a core's
// representative. HandleFault runs on core c (inside an event on c), at most
// once per core as long as it returns a non-nil rep; what it returns is
// cached and returned by every later Ref.On on that core.
type Root[T any] interface {
	HandleFault(c *Core) T
}

// rootTable maps installed EbbIds to their fault handlers. It is the only
// shared structure on the dereference path, and only misses touch it.
type rootTable struct {
	mu struct {
		sync.RWMutex
		m map[EbbId]func(*Core) any
	}
}

func (t *rootTable) install(id EbbId, h func(*Core) any) error {
	if id == NullId {
		return fmt.Errorf("install Ebb: %v is reserved", id)
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if _, dup := t.mu.m[id]; dup {
		return fmt.Errorf("install Ebb %v: id already installed", id)
	}
	if t.mu.m == nil {
		t.mu.m = make(map[EbbId]func(*Core) any)
	}
	t.mu.m[id] = h
	return nil
}

func (t *rootTable) faultHandler(id EbbId) func(*Core) any {
	t.mu.RLock()
	h, ok := t.mu.m[id]
	t.mu.RUnlock()
	if !ok {
		panic(fmt.Sprintf("ebb runtime: dereference of %v, which is not installed in this Runtime", id))
	}
	return h
}

// Install makes root the Ebb with the given id in runtime rt and returns its
// Ref. It fails if id is NullId or already installed.
//
// Concurrency: safe from any goroutine.
func Install[T any](rt *Runtime, id EbbId, root Root[T]) (Ref[T], error) {
	if err := rt.roots.install(id, func(c *Core) any { return root.HandleFault(c) }); err != nil {
		return Ref[T]{}, err
	}
	return Ref[T]{id: id}, nil
}

// sharedRoot gives every core the same object.
type sharedRoot[T any] struct{ obj T }

func (s sharedRoot[T]) HandleFault(*Core) T { return s.obj }

// InstallShared installs obj under id as a shared Ebb: one representative
// for all cores. obj must be safe for concurrent use by all cores.
func InstallShared[T any](rt *Runtime, id EbbId, obj T) (Ref[T], error) {
	return Install[T](rt, id, sharedRoot[T]{obj})
}

// NewSharedEbb installs obj as a shared Ebb under a fresh dynamic id.
func NewSharedEbb[T any](rt *Runtime, obj T) Ref[T] {
	ref, err := InstallShared(rt, AllocateId(), obj)
	if err != nil {
		panic(fmt.Sprintf("ebb runtime: fresh dynamic id clashed: %v", err))
	}
	return ref
}

// MulticoreRoot is the root of a multicore Ebb: NewRep builds core c's own
// representative. It runs on c, once per core, when c first uses the Ebb.
// Reps that must reach each other (to sum per-core counters, say) do so
// through the root, which therefore must be safe for concurrent use.
type MulticoreRoot[T any] interface {
	NewRep(c *Core) T
}

// RepFunc adapts a function to MulticoreRoot, for Ebbs whose root holds no
// state besides what the function closes over.
type RepFunc[T any] func(c *Core) T

// NewRep calls f(c).
func (f RepFunc[T]) NewRep(c *Core) T { return f(c) }

// multicoreRoot adapts a MulticoreRoot to the miss path.
type multicoreRoot[T any] struct{ root MulticoreRoot[T] }

func (m multicoreRoot[T]) HandleFault(c *Core) T { return m.root.NewRep(c) }

// InstallMulticore installs a multicore Ebb (one rep per core, built lazily
// by root.NewRep) under id.
func InstallMulticore[T any](rt *Runtime, id EbbId, root MulticoreRoot[T]) (Ref[T], error) {
	return Install[T](rt, id, multicoreRoot[T]{root})
}

// NewMulticoreEbb installs a multicore Ebb under a fresh dynamic id.
func NewMulticoreEbb[T any](rt *Runtime, root MulticoreRoot[T]) Ref[T] {
	ref, err := InstallMulticore(rt, AllocateId(), root)
	if err != nil {
		panic(fmt.Sprintf("ebb runtime: fresh dynamic id clashed: %v", err))
	}
	return ref
}

// typeName names T even when T is an interface type.
func typeName[T any]() string { return reflect.TypeFor[T]().String() }
