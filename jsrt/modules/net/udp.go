package net

import (
	"context"
	"errors"
	"net"
	"strconv"
	"sync"

	"github.com/dop251/goja"
)

// maxDatagram is the largest UDP payload a read can return.
const maxDatagram = 64 << 10

// udpBind opens a datagram socket on host:port ("udp4" or "udp6") and
// returns {handle} or {error}. onmessage(buf, rinfo) runs for each
// datagram received.
func (b *binding) udpBind(network, host string, port int, onmessage goja.Value) goja.Value {
	res := b.rt.NewObject()
	var pc net.PacketConn
	var err error
	if b.host == nil {
		err = errNoNetwork
	} else {
		var s interface {
			ListenPacket(ctx context.Context, network, address string) (net.PacketConn, error)
		}
		s, err = b.host.Network()
		if err == nil {
			pc, err = s.ListenPacket(context.Background(), network, net.JoinHostPort(host, strconv.Itoa(port)))
		}
	}
	if err != nil {
		b.set(res, "error", b.errInfo(err))
		return res
	}
	b.open.add(pc)
	b.set(res, "handle", b.newUDP(pc, onmessage))
	return res
}

// udp is a datagram socket's handle; mu guards closed, shared with the
// reader goroutine.
type udp struct {
	b      *binding
	pc     net.PacketConn
	refs   refs
	mu     sync.Mutex
	closed bool
	ahead  chan struct{}
	quit   chan struct{} // closed by close: the reader stops waiting
}

func (b *binding) newUDP(pc net.PacketConn, onmessage goja.Value) *goja.Object {
	u := &udp{b: b, pc: pc, refs: refs{host: b.host}, ahead: make(chan struct{}, readAhead), quit: make(chan struct{})}
	u.refs.hold()
	o := b.rt.NewObject()
	b.set(o, "address", func() goja.Value { return b.udpAddrInfo(pc.LocalAddr()) })
	b.set(o, "send", u.send)
	b.set(o, "close", u.close)
	b.set(o, "ref", func() {
		u.refs.unref = false
		if !u.isClosed() {
			u.refs.hold()
		}
	})
	b.set(o, "unref", func() { u.refs.unref = true; u.refs.drop() })
	go u.readLoop(onmessage)
	return o
}

func (u *udp) isClosed() bool {
	u.mu.Lock()
	defer u.mu.Unlock()
	return u.closed
}

// readLoop runs on its own goroutine until the socket closes.
func (u *udp) readLoop(onmessage goja.Value) {
	buf := make([]byte, maxDatagram)
	for {
		n, from, err := u.pc.ReadFrom(buf)
		if err != nil {
			if errors.Is(err, net.ErrClosed) || u.isClosed() {
				return
			}
			continue // an ICMP error for an earlier send; node ignores it too
		}
		msg := append([]byte(nil), buf[:n]...)
		select {
		case u.ahead <- struct{}{}:
		case <-u.quit:
			return
		}
		u.b.host.Post(func() {
			<-u.ahead
			if u.isClosed() {
				return
			}
			rinfo := u.b.udpAddrInfo(from).(*goja.Object)
			u.b.set(rinfo, "size", n)
			u.b.call(onmessage, u.b.newBuffer(msg), rinfo)
		})
	}
}

// send writes one datagram on a goroutine; cb(error, bytes) runs on the
// loop.
func (u *udp) send(data goja.Value, host string, port int, cb goja.Value) {
	p := u.b.bytes(data)
	release := u.b.host.Hold()
	go func() {
		var n int
		addr, err := net.ResolveUDPAddr("udp", net.JoinHostPort(host, strconv.Itoa(port)))
		if err == nil {
			n, err = u.pc.WriteTo(p, addr)
		}
		u.b.host.Post(func() {
			release()
			if err != nil {
				u.b.call(cb, u.b.errInfo(err), goja.Undefined())
				return
			}
			u.b.call(cb, goja.Null(), u.b.rt.ToValue(n))
		})
	}()
}

func (u *udp) close() {
	u.mu.Lock()
	already := u.closed
	u.closed = true
	u.mu.Unlock()
	if !already {
		close(u.quit)
		_ = u.pc.Close()
		u.b.open.remove(u.pc)
		u.refs.drop()
	}
}

// udpAddrInfo is node's {address, family, port} for a UDP address.
func (b *binding) udpAddrInfo(a net.Addr) goja.Value {
	ua, ok := a.(*net.UDPAddr)
	if !ok {
		return goja.Null()
	}
	return b.addrInfo(&net.TCPAddr{IP: ua.IP, Port: ua.Port, Zone: ua.Zone}, false)
}
