package jsrt

import (
	_ "embed"
	"fmt"
	"math"
	"math/big"
	"sync"
	"time"

	"github.com/dop251/goja"
)

// SharedArrayBuffer and Atomics (goja has neither). A sharedBuf is memory
// that several runtimes' ArrayBuffer objects use at once; it is allocated
// as uint64s so every element Atomics may touch is naturally aligned and
// the containing 32-bit word of a byte or half-word is inside it. The
// memory operations are in atomics_unsafe.go; Atomics.wait and notify are a
// futex keyed by (memory, byte offset) with FIFO wake-ups.

//go:embed atomics.js
var atomicsSrc string

var atomicsPrg = goja.MustCompile("node:internal/atomics", atomicsSrc, true)

type sharedBuf struct {
	data []byte
}

// sabSym keys the sharedBuf of a SharedArrayBuffer object.
var sabSym = goja.NewSymbol("ebbnode.sharedArrayBuffer")

func newSharedBuf(n int) *sharedBuf {
	words := make([]uint64, (n+7)/8+1)
	return &sharedBuf{data: wordsAsBytes(words)[:n]}
}

// sharedOf returns o's shared memory, or nil if o is no SharedArrayBuffer.
func sharedOf(o *goja.Object) *sharedBuf {
	if o == nil {
		return nil
	}
	h := o.GetSymbol(sabSym)
	if h == nil {
		return nil
	}
	sb, ok := h.Export().(*sharedBuf)
	if !ok {
		return nil
	}
	// The symbol could be inherited: the object itself must use the memory.
	ab, ok := o.Export().(goja.ArrayBuffer)
	if !ok || !sameMemory(ab.Bytes(), sb.data) {
		return nil
	}
	return sb
}

// newShared makes a SharedArrayBuffer object of v's runtime over sb.
func (v *vm) newShared(sb *sharedBuf) *goja.Object {
	return v.newSharedWith(sb, v.sabProto)
}

func (v *vm) newSharedWith(sb *sharedBuf, proto *goja.Object) *goja.Object {
	o := v.rt.ToValue(v.rt.NewArrayBuffer(sb.data)).ToObject(v.rt)
	_ = o.SetPrototype(proto)
	_ = o.DefineDataPropertySymbol(sabSym, v.rt.ToValue(sb), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	return o
}

// installAtomics defines SharedArrayBuffer and Atomics.
func (v *vm) installAtomics() error {
	rt := v.rt
	fnv, err := rt.RunProgram(atomicsPrg)
	if err != nil {
		return fmt.Errorf("atomics: %w", err)
	}
	fn, _ := goja.AssertFunction(fnv)
	b := rt.NewObject()
	set := func(name string, val any) { _ = b.Set(name, val) }
	set("newShared", func(n int64, proto *goja.Object) *goja.Object {
		if v.sabProto == nil {
			v.sabProto = rt.Get("SharedArrayBuffer").ToObject(rt).Get("prototype").ToObject(rt)
		}
		return v.newSharedWith(newSharedBuf(int(n)), proto)
	})
	set("isShared", func(x goja.Value) bool {
		o, ok := x.(*goja.Object)
		return ok && sharedOf(o) != nil
	})
	set("rmw", func(op int, buf *goja.Object, off, kind int, val goja.Value) goja.Value {
		mem, shared := v.atomicMem(buf)
		old := rmw(mem, off, kind, shared, op, operand(kind, val))
		return v.fromBits(kind, old)
	})
	set("cas", func(buf *goja.Object, off, kind int, expect, repl goja.Value) goja.Value {
		mem, shared := v.atomicMem(buf)
		old := cas(mem, off, kind, shared, operand(kind, expect), operand(kind, repl))
		return v.fromBits(kind, old)
	})
	set("wait", func(buf *goja.Object, off, kind int, val goja.Value, ms float64) string {
		return v.futexWait(sharedOf(buf), off, kind, operand(kind, val), ms)
	})
	set("waitAsync", v.waitAsync)
	set("notify", func(buf *goja.Object, off int, count int) int {
		return futexNotify(sharedOf(buf), off, count)
	})
	if _, err := fn(goja.Undefined(), rt.GlobalObject(), b); err != nil {
		return fmt.Errorf("atomics: %w", err)
	}
	v.sabProto = rt.Get("SharedArrayBuffer").ToObject(rt).Get("prototype").ToObject(rt)
	return nil
}

// atomicMem is the memory under a typed array's buffer and whether other
// threads may see it.
func (v *vm) atomicMem(buf *goja.Object) ([]byte, bool) {
	if sb := sharedOf(buf); sb != nil {
		return sb.data, true
	}
	ab, ok := buf.Export().(goja.ArrayBuffer)
	if !ok || ab.Detached() {
		panic(v.rt.NewTypeError("Cannot perform Atomics operation on a detached ArrayBuffer"))
	}
	return ab.Bytes(), false
}

// kindSize and kindSigned describe atomics.js's kinds: Int8, Uint8, Int16,
// Uint16, Int32, Uint32, BigInt64, BigUint64.
var kindSize = [8]int{1, 1, 2, 2, 4, 4, 8, 8}

func kindSigned(k int) bool { return k%2 == 0 }

// operand is an operand's bits: atomics.js passes integers for the small
// kinds (wrapped here to the width) and BigInt.asUintN(64, x) for the
// 64-bit ones.
func operand(kind int, val goja.Value) uint64 {
	if kind >= 6 {
		if bi, ok := val.Export().(*big.Int); ok {
			return bi.Uint64()
		}
		return 0
	}
	f := val.ToFloat()
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0
	}
	return uint64(int64(math.Mod(f, 1<<53))) & mask(kind)
}

func mask(kind int) uint64 {
	if kindSize[kind] == 8 {
		return math.MaxUint64
	}
	return 1<<(8*kindSize[kind]) - 1
}

// fromBits turns an element's bits into its JS value.
func (v *vm) fromBits(kind int, bits uint64) goja.Value {
	switch kind {
	case 6:
		return v.rt.ToValue(big.NewInt(int64(bits)))
	case 7:
		return v.rt.ToValue(new(big.Int).SetUint64(bits))
	}
	if kindSigned(kind) {
		sh := 64 - 8*kindSize[kind]
		return v.rt.ToValue(int64(bits<<sh) >> sh)
	}
	return v.rt.ToValue(int64(bits))
}

// apply is one read-modify-write operation of atomics.js on old.
func apply(op int, old, x uint64) uint64 {
	switch op {
	case 1, 7: // store, exchange
		return x
	case 2:
		return old + x
	case 3:
		return old - x
	case 4:
		return old & x
	case 5:
		return old | x
	case 6:
		return old ^ x
	}
	return old // load
}

// The futex behind Atomics.wait/notify: waiters per (memory, offset), woken
// first come first served. The value check and the enqueue happen under
// futexMu, as notify's dequeue does, so no wake-up is lost.
type futexKey struct {
	sb  *sharedBuf
	off int
}

var futex struct {
	mu sync.Mutex
	q  map[futexKey][]chan struct{}
}

func (v *vm) futexWait(sb *sharedBuf, off, kind int, want uint64, ms float64) string {
	ch, ok := futexEnqueue(sb, off, kind, want)
	if !ok {
		return "not-equal"
	}
	var kill chan struct{}
	if v.self != nil {
		kill = v.self.h.kill
	}
	var timeout <-chan time.Time
	if !math.IsInf(ms, 1) {
		t := time.NewTimer(time.Duration(ms * float64(time.Millisecond)))
		defer t.Stop()
		timeout = t.C
	}
	select {
	case <-ch:
		return "ok"
	case <-timeout:
	case <-kill:
	}
	if !futexDequeue(sb, off, ch) {
		return "ok" // notified as the timer fired
	}
	return "timed-out"
}

// waitAsync is Atomics.waitAsync: "not-equal" or "timed-out" at once, else
// a promise that a goroutine settles on the loop.
func (v *vm) waitAsync(buf *goja.Object, off, kind int, val goja.Value, ms float64) goja.Value {
	sb := sharedOf(buf)
	want := operand(kind, val)
	if ms == 0 {
		if rmw(sb.data, off, kind, true, 0, 0) != want {
			return v.rt.ToValue("not-equal")
		}
		return v.rt.ToValue("timed-out")
	}
	ch, ok := futexEnqueue(sb, off, kind, want)
	if !ok {
		return v.rt.ToValue("not-equal")
	}
	p, resolve, _ := v.rt.NewPromise()
	release := v.hold()
	go func() {
		res := "ok"
		var timeout <-chan time.Time
		if !math.IsInf(ms, 1) {
			t := time.NewTimer(time.Duration(ms * float64(time.Millisecond)))
			defer t.Stop()
			timeout = t.C
		}
		select {
		case <-ch:
		case <-timeout:
			if futexDequeue(sb, off, ch) {
				res = "timed-out"
			}
		}
		v.postLoop(func() {
			release()
			_ = resolve(res)
		})
	}()
	return v.rt.ToValue(p)
}

func futexEnqueue(sb *sharedBuf, off, kind int, want uint64) (chan struct{}, bool) {
	futex.mu.Lock()
	defer futex.mu.Unlock()
	if rmw(sb.data, off, kind, true, 0, 0) != want {
		return nil, false
	}
	if futex.q == nil {
		futex.q = map[futexKey][]chan struct{}{}
	}
	ch := make(chan struct{})
	k := futexKey{sb, off}
	futex.q[k] = append(futex.q[k], ch)
	return ch, true
}

// futexDequeue removes ch if it still waits; false means it was woken.
func futexDequeue(sb *sharedBuf, off int, ch chan struct{}) bool {
	futex.mu.Lock()
	defer futex.mu.Unlock()
	k := futexKey{sb, off}
	q := futex.q[k]
	for i, c := range q {
		if c == ch {
			futex.q[k] = append(q[:i:i], q[i+1:]...)
			if len(futex.q[k]) == 0 {
				delete(futex.q, k)
			}
			return true
		}
	}
	return false
}

// futexNotify wakes up to count waiters (count < 0: all), oldest first.
func futexNotify(sb *sharedBuf, off, count int) int {
	if sb == nil {
		return 0
	}
	futex.mu.Lock()
	defer futex.mu.Unlock()
	k := futexKey{sb, off}
	q := futex.q[k]
	n := len(q)
	if count >= 0 && count < n {
		n = count
	}
	for _, ch := range q[:n] {
		close(ch)
	}
	if rest := q[n:]; len(rest) > 0 {
		futex.q[k] = append([]chan struct{}(nil), rest...)
	} else {
		delete(futex.q, k)
	}
	return n
}
