package main

import (
	"fmt"
	"net"
	"os"
	"strings"
	"syscall"
	"time"
)

// loadModules loads the kernel modules listed in /suite/modules (one
// path a line, each after what it depends on), if the file exists: the
// Debian kernel builds its virtio-net driver as modules.
func loadModules() error {
	raw, err := os.ReadFile("/suite/modules")
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return err
	}
	for _, p := range strings.Fields(string(raw)) {
		if err := finitModule(p); err != nil && err != syscall.EEXIST {
			return fmt.Errorf("loading %s: %w", p, err)
		}
	}
	return nil
}

// setupNet configures the network that /suite/net describes, if it
// exists: "IFNAME ADDRESS/PREFIX" (eth0 10.0.2.15/24, QEMU user
// networking's guest address). The loopback comes up too. The device may
// appear a moment after its driver loads.
func setupNet() error {
	raw, err := os.ReadFile("/suite/net")
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return err
	}
	f := strings.Fields(string(raw))
	if len(f) != 2 {
		return fmt.Errorf("/suite/net: want IFNAME ADDRESS/PREFIX, got %q", raw)
	}
	ip, ipnet, err := net.ParseCIDR(f[1])
	if err != nil || ip.To4() == nil {
		return fmt.Errorf("/suite/net: %q is not an IPv4 address/prefix", f[1])
	}
	if err := ifUp("lo", nil, nil); err != nil {
		return err
	}
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if _, err := os.Stat("/sys/class/net/" + f[0]); err == nil {
			break
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("no network device %s after loading its driver", f[0])
		}
	}
	return ifUp(f[0], ip.To4(), net.IP(ipnet.Mask).To4())
}
