package net

import (
	"net"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dop251/goja"

	"github.com/ebbnode/ebbnode/netstack"
)

// stalledHost is a Host whose loop never runs what is posted until the
// test says so.
type stalledHost struct {
	mu     sync.Mutex
	posted []func()
}

func (h *stalledHost) Network() (netstack.Stack, error) { return nil, errNoNetwork }
func (h *stalledHost) Hold() func()                     { return func() {} }
func (h *stalledHost) Post(fn func()) {
	h.mu.Lock()
	h.posted = append(h.posted, fn)
	h.mu.Unlock()
}

func (h *stalledHost) runOne() {
	h.mu.Lock()
	fn := h.posted[0]
	h.posted = h.posted[1:]
	h.mu.Unlock()
	fn()
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second) // a guard against a hang, not a measurement
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("never: %s", what)
		}
		time.Sleep(time.Millisecond)
	}
}

// TestReadAheadBounded: while the loop does not take what a connection's
// reader posts, the reader stops after readAhead chunks (plus the one it
// holds), so a fast peer's writes block — backpressure reaches the peer
// instead of memory. Each chunk the loop takes lets one more in.
func TestReadAheadBounded(t *testing.T) {
	host := &stalledHost{}
	rt := goja.New()
	// The chunk handed to onread is built with Buffer.from; a stand-in
	// will do here.
	if _, err := rt.RunString("globalThis.Buffer = { from: (ab) => new Uint8Array(ab) };"); err != nil {
		t.Fatal(err)
	}
	b := &binding{rt: rt, host: host, open: &registry{}}
	ours, peer := net.Pipe() // synchronous: a Write returns once read
	defer peer.Close()
	k := b.makeConn(ours)
	defer k.close(goja.Undefined())

	var written atomic.Int64
	go func() {
		for i := 0; i < 100; i++ {
			if _, err := peer.Write([]byte{byte(i)}); err != nil {
				return
			}
			written.Add(1)
		}
	}()
	k.readStart(goja.Undefined())
	waitFor(t, "reader fills its read-ahead", func() bool { return written.Load() >= readAhead+1 })
	time.Sleep(50 * time.Millisecond) // room for a broken bound to read on
	if n := written.Load(); n != readAhead+1 {
		t.Fatalf("peer wrote %d chunks with the loop stalled; want %d", n, readAhead+1)
	}
	host.runOne()
	waitFor(t, "one more chunk after the loop takes one", func() bool { return written.Load() == readAhead+2 })
}
