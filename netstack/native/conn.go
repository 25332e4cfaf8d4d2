package native

import (
	"context"
	"errors"
	"net"
	"net/netip"
	"os"
	"strconv"
	"time"

	"gvisor.dev/gvisor/pkg/tcpip"
	"gvisor.dev/gvisor/pkg/tcpip/adapters/gonet"
	"gvisor.dev/gvisor/pkg/tcpip/network/ipv4"
	"gvisor.dev/gvisor/pkg/tcpip/network/ipv6"
)

// Listen opens a TCP listener. "tcp" with no host (or "::") listens on
// both families, as node's server.listen(port) does; "tcp4"/"0.0.0.0"
// and "tcp6" on one.
func (st *Stack) Listen(ctx context.Context, network, address string) (net.Listener, error) {
	fa, proto, err := st.localAddr(ctx, network, address, "tcp")
	if err != nil {
		return nil, opError("listen", network, address, err)
	}
	l, err := st.listenTCP(fa, proto)
	if err != nil {
		return nil, mapError(opError("listen", network, address, err))
	}
	return l, nil
}

// ListenPacket opens a UDP socket, as Listen chooses its family.
func (st *Stack) ListenPacket(ctx context.Context, network, address string) (net.PacketConn, error) {
	fa, proto, err := st.localAddr(ctx, network, address, "udp")
	if err != nil {
		return nil, opError("listen", network, address, err)
	}
	c, err := gonet.DialUDP(st.s, &fa, nil, proto)
	if err != nil {
		return nil, mapError(opError("listen", network, address, err))
	}
	return packetConn{c, proto}, nil
}

// Dial connects a TCP stream (network "tcp", "tcp4", "tcp6") or a UDP
// socket ("udp", ...) to address, resolving a host name through
// LookupIP and trying each address in turn.
func (st *Stack) Dial(ctx context.Context, network, address string) (net.Conn, error) {
	base, fam, err := splitNetwork(network)
	if err != nil {
		return nil, opError("dial", network, address, err)
	}
	host, port, err := splitHostPort(address)
	if err != nil {
		return nil, opError("dial", network, address, err)
	}
	ips, err := st.resolve(ctx, fam, host)
	if err != nil {
		return nil, opError("dial", network, address, err)
	}
	var first error
	for _, ip := range ips {
		c, err := st.dial(ctx, base, tcpip.FullAddress{Addr: tcpip.AddrFromSlice(ip.AsSlice()), Port: port}, protoOf(ip))
		if err == nil {
			return c, nil
		}
		if first == nil {
			first = mapError(err)
		}
		if ctx.Err() != nil {
			break
		}
	}
	return nil, opError("dial", network, address, ctxError(first))
}

// ctxError reports a dial's expired context as Go's net does: a timeout
// is os.ErrDeadlineExceeded ("i/o timeout").
func ctxError(err error) error {
	if errors.Is(err, context.DeadlineExceeded) {
		return os.ErrDeadlineExceeded
	}
	return err
}

func (st *Stack) dial(ctx context.Context, base string, fa tcpip.FullAddress, proto tcpip.NetworkProtocolNumber) (net.Conn, error) {
	if base == "tcp" {
		return st.dialTCP(ctx, fa, proto)
	}
	c, err := gonet.DialUDP(st.s, nil, &fa, proto)
	if err != nil {
		return nil, err
	}
	return udpConn{c}, nil
}

// localAddr parses a listen address for base ("tcp" or "udp").
func (st *Stack) localAddr(ctx context.Context, network, address, base string) (tcpip.FullAddress, tcpip.NetworkProtocolNumber, error) {
	b, fam, err := splitNetwork(network)
	if err != nil {
		return tcpip.FullAddress{}, 0, err
	}
	if b != base {
		return tcpip.FullAddress{}, 0, net.UnknownNetworkError(network)
	}
	host, port, err := splitHostPort(address)
	if err != nil {
		return tcpip.FullAddress{}, 0, err
	}
	fa := tcpip.FullAddress{Port: port}
	if host == "" {
		if fam == '4' {
			return fa, ipv4.ProtocolNumber, nil
		}
		return fa, ipv6.ProtocolNumber, nil // dual-stack
	}
	ips, err := st.resolve(ctx, fam, host)
	if err != nil {
		return fa, 0, err
	}
	ip := ips[0]
	if !ip.IsUnspecified() {
		fa.Addr = tcpip.AddrFromSlice(ip.AsSlice())
	}
	return fa, protoOf(ip), nil
}

// splitNetwork splits "tcp4" into "tcp" and '4' (0 for either family).
func splitNetwork(network string) (string, byte, error) {
	switch network {
	case "tcp", "udp":
		return network, 0, nil
	case "tcp4", "udp4", "tcp6", "udp6":
		return network[:3], network[3], nil
	}
	return "", 0, net.UnknownNetworkError(network)
}

func splitHostPort(address string) (string, uint16, error) {
	host, ps, err := net.SplitHostPort(address)
	if err != nil {
		return "", 0, err
	}
	port, err := strconv.ParseUint(ps, 10, 16)
	if err != nil {
		return "", 0, &net.AddrError{Err: "invalid port", Addr: address}
	}
	return host, uint16(port), nil
}

// resolve turns host into addresses of family fam ('4', '6' or 0).
func (st *Stack) resolve(ctx context.Context, fam byte, host string) ([]netip.Addr, error) {
	network := "ip"
	if fam != 0 {
		network = "ip" + string(fam)
	}
	return st.LookupIP(ctx, network, host)
}

func opError(op, network, address string, err error) error {
	if _, ok := err.(*net.OpError); ok {
		return err
	}
	return &net.OpError{Op: op, Net: network, Addr: strAddr(address), Err: err}
}

// strAddr is an address as the caller spelled it.
type strAddr string

func (a strAddr) Network() string { return "" }
func (a strAddr) String() string  { return string(a) }

// packetConn hides gonet.UDPConn's Read/Write so callers see exactly a
// net.PacketConn, and maps its errors.
type packetConn struct {
	c     *gonet.UDPConn
	proto tcpip.NetworkProtocolNumber
}

func (p packetConn) ReadFrom(b []byte) (int, net.Addr, error) {
	n, a, err := p.c.ReadFrom(b)
	return n, a, mapError(err)
}

func (p packetConn) WriteTo(b []byte, addr net.Addr) (int, error) {
	n, err := p.c.WriteTo(b, addr)
	return n, mapError(err)
}

func (p packetConn) Close() error { return p.c.Close() }
func (p packetConn) LocalAddr() net.Addr {
	a := p.c.LocalAddr().(*net.UDPAddr)
	return &net.UDPAddr{IP: ipOf(tcpip.AddrFromSlice(a.IP), p.proto), Port: a.Port}
}
func (p packetConn) SetDeadline(t time.Time) error      { return p.c.SetDeadline(t) }
func (p packetConn) SetReadDeadline(t time.Time) error  { return p.c.SetReadDeadline(t) }
func (p packetConn) SetWriteDeadline(t time.Time) error { return p.c.SetWriteDeadline(t) }

// udpConn maps the errors of a connected gonet.UDPConn.
type udpConn struct{ *gonet.UDPConn }

func (c udpConn) Read(b []byte) (int, error) {
	n, err := c.UDPConn.Read(b)
	return n, mapError(err)
}

func (c udpConn) Write(b []byte) (int, error) {
	n, err := c.UDPConn.Write(b)
	return n, mapError(err)
}
