//go:build ebbnode

package main

import (
	"context"
	"fmt"
	"net"

	"github.com/ebbnode/ebbnode/kernel"
	"github.com/ebbnode/ebbnode/kernel/virtio"
	"github.com/ebbnode/ebbnode/netstack"
	"github.com/ebbnode/ebbnode/netstack/native"
)

// netVector is the virtio-net device's interrupt vector (as the native
// runtime's).
const netVector = kernel.FirstDeviceVector + 2

// listen brings up the virtio-net device under gVisor's stack, addressed
// as the kernel command line's ebbnode.ip= says (QEMU user networking's
// 10.0.2.15/24 without one), and listens on every address.
func listen(port string) (net.Listener, error) {
	dev, err := virtio.OpenNetAuto(netVector)
	if err != nil {
		return nil, fmt.Errorf("network device: %w", err)
	}
	var cfg native.Config
	c, ok, err := netstack.IPConfigFromCmdline(kernel.Cmdline())
	if err != nil {
		return nil, err
	}
	if ok {
		cfg = native.FromIPConfig(c)
	}
	st, err := native.New(dev, cfg)
	if err != nil {
		return nil, err
	}
	return st.Listen(context.Background(), "tcp", ":"+port)
}
