package netstack

import (
	"context"
	"io"
	"testing"
	"time"

	"github.com/ebbnode/ebbnode/runtime"
)

// TestHostedLoopback: a listener and a dial through the hosted backend,
// reached as the Network Ebb, carry bytes both ways over loopback.
func TestHostedLoopback(t *testing.T) {
	rt := runtime.New(runtime.Config{})
	defer rt.Stop()
	if err := Install(rt, Hosted()); err != nil {
		t.Fatal(err)
	}
	got := make(chan Stack, 1)
	rt.SpawnRemote(0, func(c *runtime.Core) { got <- Network.On(c) })
	s := <-got
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	ln, err := s.Listen(ctx, "tcp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		defer c.Close()
		io.Copy(c, c)
	}()
	c, err := s.Dial(ctx, "tcp4", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if _, err := c.Write([]byte("ping")); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 4)
	if _, err := io.ReadFull(c, buf); err != nil || string(buf) != "ping" {
		t.Fatalf("echo = %q, %v", buf, err)
	}
	addrs, err := s.LookupIP(ctx, "ip4", "localhost")
	if err != nil || len(addrs) == 0 || !addrs[0].IsLoopback() {
		t.Fatalf("LookupIP(localhost) = %v, %v", addrs, err)
	}
	ifs, err := s.Interfaces()
	if err != nil {
		t.Fatal(err)
	}
	lo := false
	for _, i := range ifs {
		lo = lo || i.Loopback
	}
	if !lo {
		t.Errorf("no loopback interface in %+v", ifs)
	}
}
