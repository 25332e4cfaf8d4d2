package net

import (
	"net"
	"net/netip"

	"github.com/dop251/goja"

	"github.com/ebbnode/ebbnode/jsrt/modules/internal/jsmod"
)

// internal/netif gives os.networkInterfaces the network service's
// interfaces (natively the image's eth0 and lo; hosted the host's) in
// node's shape: name -> [{address, netmask, family, mac, internal, cidr,
// scopeid (IPv6 only)}]. Without a network service the object is empty.
func init() {
	jsmod.RegisterInternal("internal/netif", func(rt *goja.Runtime, _ *goja.Object) goja.Value {
		h, _ := hostOf(rt)
		o := rt.NewObject()
		_ = o.Set("interfaces", func() goja.Value { return interfaces(rt, h) })
		return o
	})
}

func interfaces(rt *goja.Runtime, h Host) goja.Value {
	out := rt.NewObject()
	if h == nil {
		return out
	}
	s, err := h.Network()
	if err != nil {
		return out
	}
	ifs, err := s.Interfaces()
	if err != nil {
		return out
	}
	for i, it := range ifs {
		mac := "00:00:00:00:00:00"
		if len(it.MAC) == 6 {
			mac = it.MAC.String()
		}
		var list []any
		for _, p := range it.Addrs {
			a := p.Addr()
			e := map[string]any{
				"address":  a.Unmap().String(),
				"netmask":  netmask(p),
				"family":   "IPv4",
				"mac":      mac,
				"internal": it.Loopback,
				"cidr":     p.String(),
			}
			if a.Is6() && !a.Is4In6() {
				e["family"] = "IPv6"
				// The zone of a link-local address: the interface's
				// position, as its index would be.
				e["scopeid"] = 0
				if a.IsLinkLocalUnicast() {
					e["scopeid"] = i + 1
				}
			}
			list = append(list, e)
		}
		if len(list) > 0 {
			_ = out.Set(it.Name, list)
		}
	}
	return out
}

// netmask writes prefix p's mask as an address.
func netmask(p netip.Prefix) string {
	m := net.CIDRMask(p.Bits(), p.Addr().BitLen())
	a, _ := netip.AddrFromSlice(m)
	return a.String()
}
