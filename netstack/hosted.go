package netstack

import (
	"context"
	"net"
	"net/netip"
)

// Hosted returns the hosted backend: the host's own network through Go's
// net package.
func Hosted() Stack { return hosted{} }

type hosted struct{}

func (hosted) Listen(ctx context.Context, network, address string) (net.Listener, error) {
	var lc net.ListenConfig
	return lc.Listen(ctx, network, address)
}

func (hosted) Dial(ctx context.Context, network, address string) (net.Conn, error) {
	var d net.Dialer
	return d.DialContext(ctx, network, address)
}

func (hosted) ListenPacket(ctx context.Context, network, address string) (net.PacketConn, error) {
	var lc net.ListenConfig
	return lc.ListenPacket(ctx, network, address)
}

func (hosted) LookupIP(ctx context.Context, network, host string) ([]netip.Addr, error) {
	return net.DefaultResolver.LookupNetIP(ctx, network, host)
}

func (hosted) Interfaces() ([]Interface, error) {
	ifs, err := net.Interfaces()
	if err != nil {
		return nil, err
	}
	out := make([]Interface, 0, len(ifs))
	for _, ni := range ifs {
		addrs, err := ni.Addrs()
		if err != nil {
			return nil, err
		}
		it := Interface{Name: ni.Name, MTU: ni.MTU, Loopback: ni.Flags&net.FlagLoopback != 0}
		if len(ni.HardwareAddr) > 0 {
			it.MAC = ni.HardwareAddr
		}
		for _, a := range addrs {
			if ipn, ok := a.(*net.IPNet); ok {
				ip, _ := netip.AddrFromSlice(ipn.IP)
				ones, _ := ipn.Mask.Size()
				it.Addrs = append(it.Addrs, netip.PrefixFrom(ip.Unmap(), ones))
			}
		}
		out = append(out, it)
	}
	return out, nil
}
