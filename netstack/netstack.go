// Package netstack is ebbnode's network service: an Ebb (runtime.NetworkId)
// that gives jsrt and Go programs in images TCP listeners and connections,
// UDP sockets, name lookup and the interface list, without socket system
// calls.
//
// Two backends share the Stack interface:
//
//   - Hosted (this file's Hosted): Go's net package, for `ebbnode exec` and
//     tests on the host.
//   - Native (package netstack/native, linked only into the image's
//     runtime): gVisor's tcpip over the virtio-net driver, with a loopback
//     interface, configured by default as QEMU's user network expects.
//
// Errors carry a syscall.Errno (reachable with errors.As) where the
// condition has one (ECONNREFUSED, EADDRINUSE, ECONNRESET, ETIMEDOUT, ...),
// so jsrt can name them as node does; a failed lookup is a *net.DNSError.
package netstack

import (
	"context"
	"fmt"
	"net"
	"net/netip"

	"github.com/ebbnode/ebbnode/runtime"
)

// Stack is the network service. Implementations are safe for concurrent
// use: one shared rep serves every core.
type Stack interface {
	// Listen opens a stream listener; network is "tcp", "tcp4" or
	// "tcp6", address "host:port" as for net.Listen (port 0 picks one).
	Listen(ctx context.Context, network, address string) (net.Listener, error)
	// Dial connects a stream; network and address as for net.Dial.
	Dial(ctx context.Context, network, address string) (net.Conn, error)
	// ListenPacket opens a datagram socket; network is "udp", "udp4" or
	// "udp6".
	ListenPacket(ctx context.Context, network, address string) (net.PacketConn, error)
	// LookupIP resolves host; network is "ip", "ip4" or "ip6".
	LookupIP(ctx context.Context, network, host string) ([]netip.Addr, error)
	// Interfaces lists the network interfaces and their addresses.
	Interfaces() ([]Interface, error)
}

// Interface is one network interface, as os.networkInterfaces reports it.
type Interface struct {
	Name     string
	MAC      net.HardwareAddr // nil for loopback
	MTU      int
	Loopback bool
	Addrs    []netip.Prefix
}

// Network is the network Ebb. Its rep is shared by all cores.
var Network = runtime.RefOf[Stack](runtime.NetworkId)

// Install makes s the network Ebb of rt.
func Install(rt *runtime.Runtime, s Stack) error {
	if _, err := runtime.InstallShared(rt, runtime.NetworkId, s); err != nil {
		return fmt.Errorf("netstack: %w", err)
	}
	return nil
}
