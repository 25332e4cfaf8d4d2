package jsrt

import (
	"sync"
	"testing"
	"time"
)

// TestAtomicsSubWordNoLostUpdates: goroutines adding to neighbouring bytes
// and half-words of one 32-bit word (a compare-and-swap on the whole word)
// lose no update and never clobber a neighbour.
func TestAtomicsSubWordNoLostUpdates(t *testing.T) {
	sb := newSharedBuf(8)
	const n = 5000
	var wg sync.WaitGroup
	// kinds: Uint8 at bytes 0 and 1, Uint16 at byte 2, Int32 at byte 4.
	for _, e := range []struct{ off, kind int }{{0, 1}, {1, 1}, {2, 3}, {4, 4}} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < n; i++ {
				rmw(sb.data, e.off, e.kind, true, 2, 1)
			}
		}()
	}
	wg.Wait()
	for _, e := range []struct {
		off, kind int
		want      uint64
	}{{0, 1, n % 256}, {1, 1, n % 256}, {2, 3, n}, {4, 4, n}} {
		if got := rmw(sb.data, e.off, e.kind, true, 0, 0); got != e.want {
			t.Errorf("element at %d = %d, want %d", e.off, got, e.want)
		}
	}
	if old := cas(sb.data, 4, 4, true, n, 7); old != n || rmw(sb.data, 4, 4, true, 0, 0) != 7 {
		t.Errorf("compareExchange: old %d, now %d", old, rmw(sb.data, 4, 4, true, 0, 0))
	}
}

// TestFutexWaitNotify: a waiter is woken by notify (which counts it), a
// wait on a changed value returns "not-equal" at once, and one with a
// timeout and no notify times out.
func TestFutexWaitNotify(t *testing.T) {
	sb := newSharedBuf(8)
	v := &vm{}
	res := make(chan string, 1)
	go func() { res <- v.futexWait(sb, 0, 4, 0, 1e9) }()
	woke := 0
	for deadline := time.Now().Add(10 * time.Second); woke == 0; {
		woke = futexNotify(sb, 0, 1)
		if time.Now().After(deadline) {
			t.Fatal("waiter never queued")
		}
	}
	if got := <-res; woke != 1 || got != "ok" {
		t.Fatalf("notify woke %d, wait returned %q", woke, got)
	}
	rmw(sb.data, 0, 4, true, 1, 5)
	if got := v.futexWait(sb, 0, 4, 0, 1e9); got != "not-equal" {
		t.Fatalf("wait on a changed value: %q", got)
	}
	if got := v.futexWait(sb, 4, 4, 0, 10); got != "timed-out" {
		t.Fatalf("wait with a timeout: %q", got)
	}
	if n := futexNotify(sb, 4, -1); n != 0 {
		t.Fatalf("a timed-out waiter is still queued (%d woken)", n)
	}
}
