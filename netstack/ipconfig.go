package netstack

import (
	"fmt"
	"net/netip"
	"strings"
)

// IPConfig is an image's static IPv4 configuration, for networks other
// than QEMU's user network (a tap device): `ebbnode run --ip` takes it,
// and it reaches the image on the kernel command line as
// ebbnode.ip=ADDR/BITS[,GATEWAY[,DNS]]. There is no DHCP client (gVisor
// has none): an address is given, or the user network's is used.
type IPConfig struct {
	Addr    netip.Prefix // the interface's address and subnet
	Gateway netip.Addr   // default route; the subnet's first address unless given
	DNS     netip.Addr   // name server; the gateway unless given
}

// CmdlineKey starts the kernel command-line word that carries an IPConfig.
const CmdlineKey = "ebbnode.ip="

// ParseIPConfig parses ADDR/BITS[,GATEWAY[,DNS]] (IPv4). The gateway must
// be inside the subnet and differ from the address.
func ParseIPConfig(s string) (IPConfig, error) {
	parts := strings.Split(s, ",")
	var c IPConfig
	if len(parts) > 3 {
		return c, fmt.Errorf("%q: want ADDR/BITS[,GATEWAY[,DNS]]", s)
	}
	p, err := netip.ParsePrefix(parts[0])
	if err != nil || !p.Addr().Is4() || p.Bits() < 1 || p.Bits() > 30 {
		return c, fmt.Errorf("%q: want an IPv4 address with its prefix length (1 to 30), as 10.0.3.2/24", parts[0])
	}
	c.Addr = p
	c.Gateway = p.Masked().Addr().Next()
	if len(parts) > 1 {
		if c.Gateway, err = netip.ParseAddr(parts[1]); err != nil || !c.Gateway.Is4() {
			return c, fmt.Errorf("gateway %q: want an IPv4 address", parts[1])
		}
	}
	if !p.Masked().Contains(c.Gateway) || c.Gateway == p.Addr() {
		return c, fmt.Errorf("gateway %s: not another address in %s", c.Gateway, p.Masked())
	}
	c.DNS = c.Gateway
	if len(parts) > 2 {
		if c.DNS, err = netip.ParseAddr(parts[2]); err != nil || !c.DNS.Is4() {
			return c, fmt.Errorf("DNS %q: want an IPv4 address", parts[2])
		}
	}
	return c, nil
}

// String is the form ParseIPConfig reads, every field given.
func (c IPConfig) String() string {
	return c.Addr.String() + "," + c.Gateway.String() + "," + c.DNS.String()
}

// IPConfigFromCmdline finds ebbnode.ip= in a kernel command line. ok is
// false when there is none.
func IPConfigFromCmdline(cmdline string) (c IPConfig, ok bool, err error) {
	for _, w := range strings.Fields(cmdline) {
		if v, found := strings.CutPrefix(w, CmdlineKey); found {
			c, err = ParseIPConfig(v)
			if err != nil {
				return c, true, fmt.Errorf("kernel command line %s: %w", w, err)
			}
			return c, true, nil
		}
	}
	return c, false, nil
}
