package native

import (
	"bytes"
	"context"
	"errors"
	"net"
	"sync"
	"time"

	"gvisor.dev/gvisor/pkg/tcpip"
	"gvisor.dev/gvisor/pkg/tcpip/adapters/gonet"
	"gvisor.dev/gvisor/pkg/tcpip/network/ipv4"
	"gvisor.dev/gvisor/pkg/tcpip/transport/tcp"
	"gvisor.dev/gvisor/pkg/waiter"
)

// TCP listeners and connections keep their gVisor endpoint (gonet's hide
// it), so connections offer the socket options jsrt sets (SetLinger,
// SetNoDelay, SetKeepAlive) and listeners report an unbound address as
// Go's net does ("::" or "0.0.0.0", not an empty IP).

// listenBacklog is the accept queue's bound (Linux's somaxconn default).
const listenBacklog = 4096

var errListenerClosed = errors.New("use of closed network connection")

type listener struct {
	ep     tcpip.Endpoint
	wq     *waiter.Queue
	proto  tcpip.NetworkProtocolNumber
	closed chan struct{}
	once   sync.Once
}

func (st *Stack) listenTCP(fa tcpip.FullAddress, proto tcpip.NetworkProtocolNumber) (*listener, error) {
	wq := new(waiter.Queue)
	ep, terr := st.s.NewEndpoint(tcp.ProtocolNumber, proto, wq)
	if terr != nil {
		return nil, errors.New(terr.String())
	}
	if terr := ep.Bind(fa); terr != nil {
		ep.Close()
		return nil, &net.OpError{Op: "bind", Net: "tcp", Addr: tcpAddr(fa, proto), Err: errors.New(terr.String())}
	}
	if terr := ep.Listen(listenBacklog); terr != nil {
		ep.Close()
		return nil, &net.OpError{Op: "listen", Net: "tcp", Addr: tcpAddr(fa, proto), Err: errors.New(terr.String())}
	}
	return &listener{ep: ep, wq: wq, proto: proto, closed: make(chan struct{})}, nil
}

// Accept waits for a connection until one arrives or Close.
func (l *listener) Accept() (net.Conn, error) {
	we, ready := waiter.NewChannelEntry(waiter.ReadableEvents)
	l.wq.EventRegister(&we)
	defer l.wq.EventUnregister(&we)
	for {
		ep, wq, terr := l.ep.Accept(nil)
		if terr == nil {
			return newTCPConn(ep, wq), nil
		}
		if _, ok := terr.(*tcpip.ErrWouldBlock); !ok {
			return nil, mapError(&net.OpError{Op: "accept", Net: "tcp", Addr: l.Addr(), Err: errors.New(terr.String())})
		}
		select {
		case <-l.closed:
			return nil, &net.OpError{Op: "accept", Net: "tcp", Addr: l.Addr(), Err: errListenerClosed}
		case <-ready:
		}
	}
}

func (l *listener) Close() error {
	l.once.Do(func() {
		l.ep.Close()
		close(l.closed)
	})
	return nil
}

func (l *listener) Addr() net.Addr {
	a, _ := l.ep.GetLocalAddress()
	return tcpAddr(a, l.proto)
}

// dialTCP connects, as gonet.DialContextTCP does, keeping the endpoint.
func (st *Stack) dialTCP(ctx context.Context, fa tcpip.FullAddress, proto tcpip.NetworkProtocolNumber) (net.Conn, error) {
	wq := new(waiter.Queue)
	ep, terr := st.s.NewEndpoint(tcp.ProtocolNumber, proto, wq)
	if terr != nil {
		return nil, errors.New(terr.String())
	}
	we, writable := waiter.NewChannelEntry(waiter.WritableEvents)
	wq.EventRegister(&we)
	defer wq.EventUnregister(&we)
	if err := ctx.Err(); err != nil {
		ep.Close()
		return nil, err
	}
	terr = ep.Connect(fa)
	if _, ok := terr.(*tcpip.ErrConnectStarted); ok {
		select {
		case <-ctx.Done():
			ep.Close()
			return nil, ctx.Err()
		case <-writable:
		}
		terr = ep.LastError()
	}
	if terr != nil {
		ep.Close()
		return nil, &net.OpError{Op: "connect", Net: "tcp", Addr: tcpAddr(fa, proto), Err: errors.New(terr.String())}
	}
	return newTCPConn(ep, wq), nil
}

// tcpConn is gonet's connection (Read, Write, deadlines, CloseRead,
// CloseWrite) with its errors mapped and the socket options.
type tcpConn struct {
	*gonet.TCPConn
	ep tcpip.Endpoint
}

func newTCPConn(ep tcpip.Endpoint, wq *waiter.Queue) *tcpConn {
	return &tcpConn{TCPConn: gonet.NewTCPConn(wq, ep), ep: ep}
}

func (c *tcpConn) Read(b []byte) (int, error) {
	n, err := c.TCPConn.Read(b)
	return n, mapError(err)
}

func (c *tcpConn) Write(b []byte) (int, error) {
	n, err := c.TCPConn.Write(b)
	return n, mapError(err)
}

// TryWrite writes what the send buffer takes now, without waiting, as
// libuv's uv_try_write does for node: jsrt completes such a write at once,
// so bytes written just before a close (an HTTP 400 then destroy) are
// already the stack's to deliver. It returns how many bytes it took; the
// caller sends the rest with Write, which reports any error.
func (c *tcpConn) TryWrite(b []byte) int {
	var r bytes.Reader
	r.Reset(b)
	n, _ := c.ep.Write(&r, tcpip.WriteOptions{})
	return int(n)
}

// SetLinger as net.TCPConn's: sec < 0 is the default (close in the
// background), 0 discards unsent data and resets the connection on Close.
func (c *tcpConn) SetLinger(sec int) error {
	c.ep.SocketOptions().SetLinger(tcpip.LingerOption{Enabled: sec >= 0, Timeout: time.Duration(max(sec, 0)) * time.Second})
	return nil
}

// SetNoDelay turns Nagle's algorithm off (true, Go's default) or on.
func (c *tcpConn) SetNoDelay(noDelay bool) error {
	c.ep.SocketOptions().SetDelayOption(!noDelay)
	return nil
}

// SetKeepAlive turns keep-alive probes on or off.
func (c *tcpConn) SetKeepAlive(on bool) error {
	c.ep.SocketOptions().SetKeepAlive(on)
	return nil
}

// SetKeepAlivePeriod sets the idle time before the first probe and
// between probes.
func (c *tcpConn) SetKeepAlivePeriod(d time.Duration) error {
	idle, intvl := tcpip.KeepaliveIdleOption(d), tcpip.KeepaliveIntervalOption(d)
	if terr := c.ep.SetSockOpt(&idle); terr != nil {
		return errors.New(terr.String())
	}
	if terr := c.ep.SetSockOpt(&intvl); terr != nil {
		return errors.New(terr.String())
	}
	return nil
}

// tcpAddr converts an endpoint address; an unbound one is the family's
// unspecified address, as Go's net reports it.
func tcpAddr(a tcpip.FullAddress, proto tcpip.NetworkProtocolNumber) *net.TCPAddr {
	return &net.TCPAddr{IP: ipOf(a.Addr, proto), Port: int(a.Port)}
}

func ipOf(a tcpip.Address, proto tcpip.NetworkProtocolNumber) net.IP {
	if a.Len() != 0 {
		return net.IP(a.AsSlice())
	}
	if proto == ipv4.ProtocolNumber {
		return net.IPv4zero.To4()
	}
	return net.IPv6unspecified
}
