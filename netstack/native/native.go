// Package native is the network service of native images: gVisor's tcpip
// stack (IPv4, IPv6, ARP, NDP, TCP, UDP, ICMP echo) over an Ethernet
// Device — the virtio-net driver in an image — plus a loopback interface,
// so 127.0.0.1 and ::1 work inside the image without leaving it. It
// implements netstack.Stack; connections and listeners are gVisor's gonet
// adapters.
//
// The default configuration is QEMU's user network: 10.0.2.15/24, gateway
// 10.0.2.2 (the host's loopback as seen from the image), DNS at 10.0.2.3,
// and IPv6 by SLAAC from the router's advertisements (plus a link-local
// address). DHCP is not implemented (gVisor has no DHCP client): another
// network's static address is given in Config (FromIPConfig; images take
// it from the kernel command line's ebbnode.ip=).
//
// This package is linked only into the native runtime (cmd/ebbnode-native
// and guests): the hosted CLI must not pull gVisor in.
package native

import (
	"fmt"
	"net"
	"net/netip"

	"gvisor.dev/gvisor/pkg/tcpip"
	"gvisor.dev/gvisor/pkg/tcpip/header"
	"gvisor.dev/gvisor/pkg/tcpip/link/ethernet"
	"gvisor.dev/gvisor/pkg/tcpip/link/loopback"
	"gvisor.dev/gvisor/pkg/tcpip/network/arp"
	"gvisor.dev/gvisor/pkg/tcpip/network/ipv4"
	"gvisor.dev/gvisor/pkg/tcpip/network/ipv6"
	"gvisor.dev/gvisor/pkg/tcpip/stack"
	"gvisor.dev/gvisor/pkg/tcpip/transport/icmp"
	"gvisor.dev/gvisor/pkg/tcpip/transport/tcp"
	"gvisor.dev/gvisor/pkg/tcpip/transport/udp"

	"github.com/ebbnode/ebbnode/netstack"
)

// NIC ids in the gVisor stack.
const (
	nicEth  tcpip.NICID = 1
	nicLoop tcpip.NICID = 2
)

// Interface names as Interfaces reports them.
const (
	EthName  = "eth0"
	LoopName = "lo"
)

// Config is the stack's configuration; zero fields take QEMU user
// networking's values (see Default).
type Config struct {
	Addr    netip.Prefix // the interface's IPv4 address and subnet
	Gateway netip.Addr   // IPv4 default route
	DNS     netip.Addr   // name server (UDP port 53)
	// Addr6 is a static IPv6 address; SLAAC and a link-local address
	// are configured either way.
	Addr6 netip.Prefix
}

// FromIPConfig is the stack's configuration for a static address (the
// kernel command line's ebbnode.ip=, see netstack.IPConfig).
func FromIPConfig(c netstack.IPConfig) Config {
	return Config{Addr: c.Addr, Gateway: c.Gateway, DNS: c.DNS}
}

// Default is QEMU user networking's configuration.
var Default = Config{
	Addr:    netip.MustParsePrefix("10.0.2.15/24"),
	Gateway: netip.MustParseAddr("10.0.2.2"),
	DNS:     netip.MustParseAddr("10.0.2.3"),
}

// Stack is a gVisor stack with one Ethernet interface and loopback.
type Stack struct {
	s   *stack.Stack
	cfg Config
	dev Device
	mac net.HardwareAddr
}

var _ netstack.Stack = (*Stack)(nil)

// New builds a stack over dev with cfg (zero fields from Default). With
// a nil dev the stack has only the loopback interface (an image without a
// network device still reaches its own servers on 127.0.0.1).
func New(dev Device, cfg Config) (*Stack, error) {
	cfg = withDefaults(cfg)
	s := stack.New(stack.Options{
		NetworkProtocols: []stack.NetworkProtocolFactory{
			ipv4.NewProtocol, arp.NewProtocol,
			ipv6.NewProtocolWithOptions(ipv6.Options{
				AutoGenLinkLocal: true,
				NDPConfigs: ipv6.NDPConfigurations{
					HandleRAs:              ipv6.HandlingRAsEnabledWhenForwardingDisabled,
					DiscoverDefaultRouters: true,
					DiscoverOnLinkPrefixes: true,
					AutoGenGlobalAddresses: true,
				},
			}),
		},
		TransportProtocols: []stack.TransportProtocolFactory{
			tcp.NewProtocol, udp.NewProtocol, icmp.NewProtocol4, icmp.NewProtocol6,
		},
		HandleLocal: true,
	})
	st := &Stack{s: s, cfg: cfg, dev: dev}
	if dev != nil {
		st.mac = dev.MAC()
	}
	if dev != nil && len(st.mac) != 6 {
		// A locally administered unicast address.
		st.mac = net.HardwareAddr{0x02, 0x00, 0x0a, 0x00, 0x02, 0x0f}
	}
	if err := st.setup(); err != nil {
		s.Close()
		return nil, fmt.Errorf("netstack/native: %w", err)
	}
	return st, nil
}

func withDefaults(c Config) Config {
	if !c.Addr.IsValid() {
		c.Addr = Default.Addr
	}
	if !c.Gateway.IsValid() {
		c.Gateway = Default.Gateway
	}
	if !c.DNS.IsValid() {
		c.DNS = Default.DNS
	}
	return c
}

// setup creates both NICs, their addresses and the routes.
func (st *Stack) setup() error {
	if err := tcpipErr("create lo", st.s.CreateNICWithOptions(nicLoop, loopback.New(), stack.NICOptions{Name: LoopName})); err != nil {
		return err
	}
	for _, a := range []netip.Prefix{netip.MustParsePrefix("127.0.0.1/8"), netip.MustParsePrefix("::1/128")} {
		if err := st.addAddrTo(nicLoop, a); err != nil {
			return err
		}
	}
	if st.dev == nil {
		st.s.SetRouteTable(st.routes()[:2])
		return nil
	}
	if err := tcpipErr("create eth0", st.s.CreateNICWithOptions(nicEth, ethernet.New(newLink(st.dev, st.mac)), stack.NICOptions{Name: EthName})); err != nil {
		return err
	}
	if err := st.addAddr(st.cfg.Addr); err != nil {
		return err
	}
	if st.cfg.Addr6.IsValid() {
		if err := st.addAddr(st.cfg.Addr6); err != nil {
			return err
		}
	}
	st.s.SetRouteTable(st.routes())
	return nil
}

// addAddr gives eth0 the address p.
func (st *Stack) addAddr(p netip.Prefix) error { return st.addAddrTo(nicEth, p) }

func (st *Stack) addAddrTo(nic tcpip.NICID, p netip.Prefix) error {
	pa := tcpip.ProtocolAddress{Protocol: protoOf(p.Addr()), AddressWithPrefix: tcpip.AddressWithPrefix{
		Address: tcpip.AddrFromSlice(p.Addr().AsSlice()), PrefixLen: p.Bits()}}
	return tcpipErr("add address "+p.String(), st.s.AddProtocolAddress(nic, pa, stack.AddressProperties{}))
}

// routes: loopback first, then the subnet, then the default routes
// (IPv6's comes from router advertisements, which gVisor adds itself).
func (st *Stack) routes() []tcpip.Route {
	sub := func(p string) tcpip.Subnet { return subnet(netip.MustParsePrefix(p)) }
	r := []tcpip.Route{
		{Destination: sub("127.0.0.0/8"), NIC: nicLoop},
		{Destination: sub("::1/128"), NIC: nicLoop},
		{Destination: subnet(st.cfg.Addr), NIC: nicEth},
		{Destination: sub("fe80::/64"), NIC: nicEth},
	}
	if st.cfg.Addr6.IsValid() {
		r = append(r, tcpip.Route{Destination: subnet(st.cfg.Addr6), NIC: nicEth})
	}
	return append(r,
		tcpip.Route{Destination: header.IPv4EmptySubnet, Gateway: tcpip.AddrFromSlice(st.cfg.Gateway.AsSlice()), NIC: nicEth},
	)
}

// subnet converts a prefix (host bits are cleared).
func subnet(p netip.Prefix) tcpip.Subnet {
	p = p.Masked()
	s, err := tcpip.NewSubnet(tcpip.AddrFromSlice(p.Addr().AsSlice()), tcpip.MaskFromBytes(net.CIDRMask(p.Bits(), p.Addr().BitLen())))
	if err != nil {
		panic(err) // cannot happen for a masked prefix
	}
	return s
}

func protoOf(a netip.Addr) tcpip.NetworkProtocolNumber {
	if a.Is4() {
		return ipv4.ProtocolNumber
	}
	return ipv6.ProtocolNumber
}

func tcpipErr(what string, err tcpip.Error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%s: %s", what, err)
}

// Close stops the stack.
func (st *Stack) Close() { st.s.Close() }

// Interfaces lists eth0 and lo with their addresses.
func (st *Stack) Interfaces() ([]netstack.Interface, error) {
	var out []netstack.Interface
	for id, info := range st.s.NICInfo() {
		it := netstack.Interface{Name: info.Name, MTU: int(info.MTU)}
		if id == nicLoop {
			it.Loopback = true
		} else {
			it.MAC = append(net.HardwareAddr(nil), st.mac...)
		}
		for _, pa := range info.ProtocolAddresses {
			ip, ok := netip.AddrFromSlice(pa.AddressWithPrefix.Address.AsSlice())
			if ok {
				it.Addrs = append(it.Addrs, netip.PrefixFrom(ip, pa.AddressWithPrefix.PrefixLen))
			}
		}
		out = append(out, it)
	}
	// NICInfo is a map: keep eth0 before lo.
	if len(out) == 2 && out[0].Loopback {
		out[0], out[1] = out[1], out[0]
	}
	return out, nil
}

// Endpoints lists the transport endpoints (TCP and UDP sockets, listeners
// included) the stack still has registered, by state: what an image holds
// open, as a process's descriptors are. TCP endpoints in TIME_WAIT are
// left out: closed by the program, they only wait out the peer's last
// segments.
func (st *Stack) Endpoints() []string {
	var out []string
	for _, ep := range st.s.RegisteredEndpoints() {
		if !isTCP(ep) {
			out = append(out, "udp")
			continue
		}
		s := tcp.EndpointState(ep.(*tcp.Endpoint).State())
		if s != tcp.StateTimeWait {
			out = append(out, "tcp "+s.String())
		}
	}
	return out
}

func isTCP(ep stack.TransportEndpoint) bool {
	_, ok := ep.(*tcp.Endpoint)
	return ok
}
