package jsrt

import (
	"context"
	"errors"
	"net"
	"testing"
	"time"

	"github.com/ebbnode/ebbnode/netstack"
)

// TestSharedListenerRoundRobin: cluster workers listening on one address
// share one real listener; accepted connections alternate between them, a
// worker that leaves passes its turn on, and the last to leave closes the
// real listener.
func TestSharedListenerRoundRobin(t *testing.T) {
	var o sharedListeners
	st := netstack.Hosted()
	ctx := context.Background()
	a, err := o.listen(ctx, st, "tcp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	b, err := o.listen(ctx, st, "tcp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	if a.Addr().String() != b.Addr().String() {
		t.Fatalf("port 0 not shared: %v and %v", a.Addr(), b.Addr())
	}
	addr := a.Addr().String()
	got := make(chan string, 16)
	serve := func(name string, ln net.Listener) {
		for {
			c, err := ln.Accept()
			if err != nil {
				if !errors.Is(err, net.ErrClosed) {
					t.Errorf("%s: Accept: %v", name, err)
				}
				return
			}
			got <- name
			_ = c.Close()
		}
	}
	go serve("a", a)
	go serve("b", b)
	dial := func() string {
		t.Helper()
		c, err := net.Dial("tcp4", addr)
		if err != nil {
			t.Fatalf("dial: %v", err)
		}
		defer c.Close()
		select {
		case who := <-got:
			return who
		case <-time.After(10 * time.Second):
			t.Fatal("no worker accepted the connection")
			return ""
		}
	}
	var order []string
	for i := 0; i < 4; i++ {
		order = append(order, dial())
	}
	if order[0] == order[1] || order[1] == order[2] || order[2] == order[3] {
		t.Fatalf("connections not alternated: %v", order)
	}
	_ = a.Close()
	for i := 0; i < 2; i++ {
		if who := dial(); who != "b" {
			t.Fatalf("after a closed, %s accepted", who)
		}
	}
	_ = b.Close()
	deadline := time.Now().Add(5 * time.Second)
	for {
		c, err := net.Dial("tcp4", addr)
		if err != nil {
			break // the real listener is closed
		}
		_ = c.Close()
		if time.Now().After(deadline) {
			t.Fatal("real listener still accepting after every worker closed")
		}
		time.Sleep(10 * time.Millisecond)
	}
	if len(o.m) != 0 {
		t.Fatalf("registry keeps %d listeners", len(o.m))
	}
}
