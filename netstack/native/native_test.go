package native

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"os"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"golang.org/x/net/dns/dnsmessage"
	"gvisor.dev/gvisor/pkg/tcpip"
	"gvisor.dev/gvisor/pkg/tcpip/header"
	"gvisor.dev/gvisor/pkg/tcpip/network/ipv4"
	"gvisor.dev/gvisor/pkg/tcpip/network/ipv6"
	"gvisor.dev/gvisor/pkg/tcpip/transport/icmp"
	"gvisor.dev/gvisor/pkg/waiter"
)

// wire is a fake Ethernet device: frames it transmits arrive at its peer,
// delivered by the peer's own goroutine as a driver would.
type wire struct {
	mac  net.HardwareAddr
	peer *wire
	in   chan []byte
	mu   sync.Mutex
	recv func([]byte)
	done chan struct{}
}

func newWires() (*wire, *wire) {
	a := &wire{mac: net.HardwareAddr{2, 0, 0, 0, 0, 1}, in: make(chan []byte, 256), done: make(chan struct{})}
	b := &wire{mac: net.HardwareAddr{2, 0, 0, 0, 0, 2}, in: make(chan []byte, 256), done: make(chan struct{})}
	a.peer, b.peer = b, a
	go a.run()
	go b.run()
	return a, b
}

func (w *wire) MAC() net.HardwareAddr { return w.mac }
func (w *wire) MTU() int              { return 1500 }

func (w *wire) SetReceiver(fn func([]byte)) {
	w.mu.Lock()
	w.recv = fn
	w.mu.Unlock()
}

func (w *wire) Transmit(parts ...[]byte) error {
	var f []byte
	for _, p := range parts {
		f = append(f, p...)
	}
	select {
	case w.peer.in <- f:
	default: // a full ring drops, as a NIC does
	}
	return nil
}

func (w *wire) run() {
	for {
		select {
		case f := <-w.in:
			w.mu.Lock()
			fn := w.recv
			w.mu.Unlock()
			if fn != nil {
				fn(f)
			}
		case <-w.done:
			return
		}
	}
}

// pair builds the image's stack (default configuration) and a "host"
// stack at 10.0.2.2 that also plays the name server 10.0.2.3.
func pair(t *testing.T) (img, host *Stack) {
	t.Helper()
	a, b := newWires()
	var err error
	img, err = New(a, Config{Addr6: netip.MustParsePrefix("fd00::15/64")})
	if err != nil {
		t.Fatal(err)
	}
	host, err = New(b, Config{Addr: netip.MustParsePrefix("10.0.2.2/24"), Gateway: netip.MustParseAddr("10.0.2.15"),
		Addr6: netip.MustParsePrefix("fd00::2/64")})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		img.Close()
		host.Close()
		close(a.done)
		close(b.done)
	})
	return img, host
}

func ctxT(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// echo serves ln, echoing each connection's bytes.
func echo(ln net.Listener) {
	for {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		go func() {
			defer c.Close()
			io.Copy(c, c)
		}()
	}
}

func roundTrip(t *testing.T, c net.Conn, msg string) {
	t.Helper()
	if _, err := c.Write([]byte(msg)); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, len(msg))
	if _, err := io.ReadFull(c, buf); err != nil || string(buf) != msg {
		t.Fatalf("echo = %q, %v; want %q", buf, err, msg)
	}
}

// TestTCPAcrossTheWire: the image dials the host's address over the
// Ethernet link (ARP first), and the host dials the image's listener on a
// dual-stack port, over IPv4 and IPv6; 256 KiB echo checks the stream
// keeps order across many frames.
func TestTCPAcrossTheWire(t *testing.T) {
	img, host := pair(t)
	ctx := ctxT(t)
	hl, err := host.Listen(ctx, "tcp4", "10.0.2.2:9000")
	if err != nil {
		t.Fatal(err)
	}
	defer hl.Close()
	go echo(hl)
	c, err := img.Dial(ctx, "tcp", "10.0.2.2:9000")
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	roundTrip(t, c, "hello host")
	if got := c.LocalAddr().String(); got != "10.0.2.15:"+strings.Split(got, ":")[1] {
		t.Errorf("image's local address %s, want 10.0.2.15:*", got)
	}
	big := strings.Repeat("0123456789abcdef", 16<<10)
	go c.Write([]byte(big))
	buf := make([]byte, len(big))
	if _, err := io.ReadFull(c, buf); err != nil || string(buf) != big {
		t.Fatalf("256 KiB echo: %v (match %v)", err, string(buf) == big)
	}

	il, err := img.Listen(ctx, "tcp", ":8080") // both families
	if err != nil {
		t.Fatal(err)
	}
	defer il.Close()
	go echo(il)
	for _, addr := range []string{"10.0.2.15:8080", "[fd00::15]:8080"} {
		c, err := host.Dial(ctx, "tcp", addr)
		if err != nil {
			t.Fatalf("dial %s: %v", addr, err)
		}
		roundTrip(t, c, "to "+addr)
		c.Close()
	}
}

// TestLoopback: 127.0.0.1 and ::1 reach the image's own listeners, and
// so does its own address, without the link.
func TestLoopback(t *testing.T) {
	img, _ := pair(t)
	ctx := ctxT(t)
	ln, err := img.Listen(ctx, "tcp", ":7000")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go echo(ln)
	for _, addr := range []string{"127.0.0.1:7000", "[::1]:7000", "localhost:7000", "10.0.2.15:7000"} {
		c, err := img.Dial(ctx, "tcp", addr)
		if err != nil {
			t.Fatalf("dial %s: %v", addr, err)
		}
		roundTrip(t, c, "loop "+addr)
		c.Close()
	}
}

// TestHTTP: net/http serves over the image's listener and the host's
// client reaches it through its dialer.
func TestHTTP(t *testing.T) {
	img, host := pair(t)
	ctx := ctxT(t)
	ln, err := img.Listen(ctx, "tcp4", ":8080")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "hello %s from %s", r.URL.Path, r.RemoteAddr)
	})}
	go srv.Serve(ln)
	defer srv.Close()
	cl := &http.Client{Transport: &http.Transport{DialContext: host.Dial}}
	resp, err := cl.Get("http://10.0.2.15:8080/x")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.HasPrefix(string(body), "hello /x from 10.0.2.2:") {
		t.Fatalf("body %q", body)
	}
}

// TestUDP: a datagram each way through ListenPacket.
func TestUDP(t *testing.T) {
	img, host := pair(t)
	ctx := ctxT(t)
	hp, err := host.ListenPacket(ctx, "udp4", ":5353")
	if err != nil {
		t.Fatal(err)
	}
	defer hp.Close()
	ip, err := img.ListenPacket(ctx, "udp", ":0")
	if err != nil {
		t.Fatal(err)
	}
	defer ip.Close()
	ip.SetDeadline(time.Now().Add(10 * time.Second))
	hp.SetDeadline(time.Now().Add(10 * time.Second))
	if _, err := ip.WriteTo([]byte("ping"), &net.UDPAddr{IP: net.IPv4(10, 0, 2, 2), Port: 5353}); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 64)
	n, from, err := hp.ReadFrom(buf)
	if err != nil || string(buf[:n]) != "ping" {
		t.Fatalf("host read %q, %v", buf[:n], err)
	}
	if _, err := hp.WriteTo([]byte("pong"), from); err != nil {
		t.Fatal(err)
	}
	if n, _, err = ip.ReadFrom(buf); err != nil || string(buf[:n]) != "pong" {
		t.Fatalf("image read %q, %v", buf[:n], err)
	}
}

// TestErrors: refused connections and ports in use carry their errno.
func TestErrors(t *testing.T) {
	img, _ := pair(t)
	ctx := ctxT(t)
	if _, err := img.Dial(ctx, "tcp", "10.0.2.2:1"); !errors.Is(err, syscall.ECONNREFUSED) {
		t.Errorf("dial to a closed port: %v, want ECONNREFUSED", err)
	}
	ln, err := img.Listen(ctx, "tcp4", ":6000")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	if _, err := img.Listen(ctx, "tcp4", ":6000"); !errors.Is(err, syscall.EADDRINUSE) {
		t.Errorf("second listen: %v, want EADDRINUSE", err)
	}
	if _, err := img.Listen(ctx, "unix", "/x"); err == nil {
		t.Error("listen on unix succeeded")
	}
	// Nobody answers ARP for 10.0.2.77: the context's deadline ends the
	// dial, reported as Go's net reports it.
	short, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
	defer cancel()
	_, err = img.Dial(short, "tcp", "10.0.2.77:80")
	var op *net.OpError
	if !errors.As(err, &op) || !errors.Is(err, os.ErrDeadlineExceeded) {
		t.Errorf("dial past its deadline: %v (%T), want a *net.OpError with os.ErrDeadlineExceeded", err, err)
	}
}

// TestLookup: names go to the name server at 10.0.2.3 (the host stack
// serves it); localhost and literals are answered locally.
func TestLookup(t *testing.T) {
	img, host := pair(t)
	ctx := ctxT(t)
	// The host stack also answers for 10.0.2.3.
	if err := host.addAddr(netip.MustParsePrefix("10.0.2.3/24")); err != nil {
		t.Fatal(err)
	}
	pc, err := host.ListenPacket(ctx, "udp4", "10.0.2.3:53")
	if err != nil {
		t.Fatal(err)
	}
	defer pc.Close()
	go serveDNS(pc)
	got, err := img.LookupIP(ctx, "ip4", "web.test")
	if err != nil || len(got) != 1 || got[0] != netip.MustParseAddr("10.0.2.99") {
		t.Fatalf("LookupIP(web.test) = %v, %v", got, err)
	}
	_, err = img.LookupIP(ctx, "ip4", "nowhere.test")
	var de *net.DNSError
	if !errors.As(err, &de) || !de.IsNotFound {
		t.Fatalf("LookupIP(nowhere.test) error %v, want a not-found DNSError", err)
	}
	if got, _ := img.LookupIP(ctx, "ip", "localhost"); len(got) != 2 || !got[0].IsLoopback() {
		t.Errorf("localhost = %v", got)
	}
}

// TestLookupNoServer: a name server that never answers is a timeout
// DNSError, not a hang.
func TestLookupNoServer(t *testing.T) {
	img, _ := pair(t) // nobody holds 10.0.2.3
	ctx, cancel := context.WithTimeout(ctxT(t), 500*time.Millisecond)
	defer cancel()
	_, err := img.LookupIP(ctx, "ip", "web.test")
	var de *net.DNSError
	if !errors.As(err, &de) || !de.IsTimeout || de.IsNotFound {
		t.Fatalf("lookup without a server: %v, want a timeout DNSError", err)
	}
}

// serveDNS answers A queries for web.test with 10.0.2.99, others NXDOMAIN.
func serveDNS(pc net.PacketConn) {
	buf := make([]byte, 1500)
	for {
		n, from, err := pc.ReadFrom(buf)
		if err != nil {
			return
		}
		var q dnsmessage.Message
		if q.Unpack(buf[:n]) != nil || len(q.Questions) != 1 {
			continue
		}
		r := dnsmessage.Message{Header: dnsmessage.Header{ID: q.ID, Response: true}, Questions: q.Questions}
		if q.Questions[0].Name.String() == "web.test." {
			r.Answers = []dnsmessage.Resource{{Header: dnsmessage.ResourceHeader{Name: q.Questions[0].Name, Type: dnsmessage.TypeA, Class: dnsmessage.ClassINET, TTL: 60},
				Body: &dnsmessage.AResource{A: [4]byte{10, 0, 2, 99}}}}
		} else {
			r.RCode = dnsmessage.RCodeNameError
		}
		b, _ := r.Pack()
		pc.WriteTo(b, from)
	}
}

// TestInterfaces: eth0 with its MAC and addresses, and lo.
func TestInterfaces(t *testing.T) {
	img, _ := pair(t)
	ifs, err := img.Interfaces()
	if err != nil {
		t.Fatal(err)
	}
	var sb strings.Builder
	for _, i := range ifs {
		fmt.Fprintf(&sb, "%s mac=%s lo=%v mtu=%d %v\n", i.Name, i.MAC, i.Loopback, i.MTU, i.Addrs)
	}
	out := sb.String()
	for _, want := range []string{"eth0 mac=02:00:00:00:00:01 lo=false mtu=1500", "10.0.2.15/24", "fd00::15/64", "lo mac= lo=true", "127.0.0.1/8", "::1/128"} {
		if !strings.Contains(out, want) {
			t.Errorf("interfaces lack %q:\n%s", want, out)
		}
	}
	if !strings.HasPrefix(out, "eth0") {
		t.Errorf("eth0 not first:\n%s", out)
	}
}

// TestLoopbackOnly: without a device the stack still serves 127.0.0.1,
// lists only lo, and has no route out.
func TestLoopbackOnly(t *testing.T) {
	st, err := New(nil, Config{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := ctxT(t)
	ln, err := st.Listen(ctx, "tcp", "127.0.0.1:80")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go echo(ln)
	c, err := st.Dial(ctx, "tcp", "127.0.0.1:80")
	if err != nil {
		t.Fatal(err)
	}
	roundTrip(t, c, "alone")
	c.Close()
	if ifs, _ := st.Interfaces(); len(ifs) != 1 || !ifs[0].Loopback {
		t.Errorf("interfaces %+v, want lo alone", ifs)
	}
	if _, err := st.Dial(ctx, "tcp", "10.0.2.2:80"); !errors.Is(err, syscall.ENETUNREACH) {
		t.Errorf("dial out without a device: %v, want ENETUNREACH", err)
	}
}

// TestPing: the image answers ICMP echo (the host stack pings it through
// a ping socket), over IPv4 and IPv6.
func TestPing(t *testing.T) {
	_, host := pair(t)
	for _, tc := range []struct {
		to    netip.Addr
		proto tcpip.NetworkProtocolNumber
		trans tcpip.TransportProtocolNumber
		req   byte
		reply byte
	}{
		{netip.MustParseAddr("10.0.2.15"), ipv4.ProtocolNumber, icmp.ProtocolNumber4, byte(header.ICMPv4Echo), byte(header.ICMPv4EchoReply)},
		{netip.MustParseAddr("fd00::15"), ipv6.ProtocolNumber, icmp.ProtocolNumber6, byte(header.ICMPv6EchoRequest), byte(header.ICMPv6EchoReply)},
	} {
		var wq waiter.Queue
		ep, terr := host.s.NewEndpoint(tc.trans, tc.proto, &wq)
		if terr != nil {
			t.Fatal(terr)
		}
		defer ep.Close()
		we, ready := waiter.NewChannelEntry(waiter.ReadableEvents)
		wq.EventRegister(&we)
		msg := make([]byte, 8+4)
		msg[0] = tc.req
		copy(msg[8:], "ping")
		var r bytes.Reader
		r.Reset(msg)
		if _, terr := ep.Write(&r, tcpip.WriteOptions{To: &tcpip.FullAddress{Addr: tcpip.AddrFromSlice(tc.to.AsSlice())}}); terr != nil {
			t.Fatalf("ping %s: %v", tc.to, terr)
		}
		var got bytes.Buffer
		for {
			if _, terr := ep.Read(&got, tcpip.ReadOptions{}); terr == nil {
				break
			} else if _, ok := terr.(*tcpip.ErrWouldBlock); !ok {
				t.Fatalf("ping %s: read: %v", tc.to, terr)
			}
			select {
			case <-ready:
			case <-time.After(10 * time.Second):
				t.Fatalf("no echo reply from %s", tc.to)
			}
		}
		b := got.Bytes()
		if len(b) != 12 || b[0] != tc.reply || string(b[8:]) != "ping" {
			t.Errorf("reply from %s: %x", tc.to, b)
		}
	}
}

// TestListenAddr: unbound listeners and sockets name their family's
// unspecified address, as Go's net does.
func TestListenAddr(t *testing.T) {
	img, _ := pair(t)
	ctx := ctxT(t)
	for _, tc := range []struct{ network, addr, want string }{
		{"tcp", ":0", "[::]:"}, {"tcp4", ":0", "0.0.0.0:"}, {"tcp", "127.0.0.1:0", "127.0.0.1:"},
	} {
		ln, err := img.Listen(ctx, tc.network, tc.addr)
		if err != nil {
			t.Fatal(err)
		}
		if got := ln.Addr().String(); !strings.HasPrefix(got, tc.want) {
			t.Errorf("Listen(%s, %s).Addr() = %s, want %s*", tc.network, tc.addr, got, tc.want)
		}
		ln.Close()
	}
	pc, err := img.ListenPacket(ctx, "udp4", ":0")
	if err != nil {
		t.Fatal(err)
	}
	defer pc.Close()
	if got := pc.LocalAddr().String(); !strings.HasPrefix(got, "0.0.0.0:") {
		t.Errorf("udp4 LocalAddr = %s, want 0.0.0.0:*", got)
	}
}

// TestLingerReset: SetLinger(0) then Close resets the connection: the
// peer's read fails with ECONNRESET (node's resetAndDestroy).
func TestLingerReset(t *testing.T) {
	img, _ := pair(t)
	ctx := ctxT(t)
	ln, err := img.Listen(ctx, "tcp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		c.(interface{ SetNoDelay(bool) error }).SetNoDelay(true)
		c.(interface{ SetKeepAlive(bool) error }).SetKeepAlive(true)
		c.Read(make([]byte, 1)) // reset once the client is surely connected
		c.(interface{ SetLinger(int) error }).SetLinger(0)
		c.Close()
	}()
	c, err := img.Dial(ctx, "tcp4", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.Write([]byte("x"))
	c.SetReadDeadline(time.Now().Add(10 * time.Second))
	if _, err := c.Read(make([]byte, 1)); !errors.Is(err, syscall.ECONNRESET) {
		t.Fatalf("read after the peer's abortive close: %v, want ECONNRESET", err)
	}
}

// TestEndpoints: a listener and both ends of a loopback connection are
// listed with their states while open; once both ends close, only the
// listener remains (the closing side's TIME_WAIT is not counted), and
// after it closes nothing.
func TestEndpoints(t *testing.T) {
	img, _ := pair(t)
	ctx := ctxT(t)
	ln, err := img.Listen(ctx, "tcp4", "127.0.0.1:7001")
	if err != nil {
		t.Fatal(err)
	}
	accepted := make(chan net.Conn, 1)
	go func() {
		c, _ := ln.Accept()
		accepted <- c
	}()
	c, err := img.Dial(ctx, "tcp4", "127.0.0.1:7001")
	if err != nil {
		t.Fatal(err)
	}
	s := <-accepted
	if got := strings.Join(sortedCopy(img.Endpoints()), ","); got != "tcp ESTABLISHED,tcp ESTABLISHED,tcp LISTEN" {
		t.Errorf("open: %s", got)
	}
	c.Close()
	s.Close()
	waitFor(t, func() bool { return len(img.Endpoints()) == 1 }, func() string { return fmt.Sprint(img.Endpoints()) })
	ln.Close()
	waitFor(t, func() bool { return len(img.Endpoints()) == 0 }, func() string { return fmt.Sprint(img.Endpoints()) })
}

func sortedCopy(s []string) []string {
	s = append([]string(nil), s...)
	sort.Strings(s)
	return s
}

// waitFor polls cond for up to ten seconds (closing runs on the stack's
// goroutines).
func waitFor(t *testing.T, cond func() bool, state func() string) {
	t.Helper()
	for i := 0; i < 1000; i++ {
		if cond() {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("still %s", state())
}
