package qemu

import (
	"fmt"
	"net"
	"strings"
)

// Channel is a virtio-serial channel between the guest and a unix socket
// on the host: the Messenger's transport. This is the one place that
// writes QEMU's virtio-serial device arguments (host/launch, the
// benchmarks and the boot tests all come here).
//
// The device is transitional PCI on q35 and virtio-mmio on microvm; the
// guest's driver (kernel/virtio.OpenConsoleAuto) negotiates MULTIPORT.
// By default the channel is port 1, a virtserialport, which QEMU
// flow-controls: while the socket is full QEMU pauses the guest's
// transmit queue instead of dropping data, and it tells the guest when
// the host side opens, so the guest holds what it writes before that.
type Channel struct {
	// Socket is the unix socket's path.
	Socket string
	// Listen makes QEMU listen on Socket (server=on,wait=off) for the
	// host to connect later; by default QEMU connects to a listener the
	// host opened before starting it.
	Listen bool
	// Console puts the channel on port 0 as a virtconsole instead. QEMU
	// does not flow-control console ports (it drops what the socket
	// cannot take), so only the driver's tests use it.
	Console bool
}

// MessengerPortName is the name the Messenger's virtserialport carries.
const MessengerPortName = "org.ebbnode.messenger"

// Args returns the QEMU arguments that attach ch on machine.
func (ch Channel) Args(machine string) []string {
	dev := "virtio-serial-pci-transitional"
	if machine == MachineMicrovm {
		dev = "virtio-serial-device"
	}
	chardev := "socket,id=messenger,path=" + ch.Socket
	if ch.Listen {
		chardev += ",server=on,wait=off"
	}
	port := "virtserialport,chardev=messenger,nr=1,name=" + MessengerPortName
	if ch.Console {
		port = "virtconsole,chardev=messenger"
	}
	return []string{"-chardev", chardev, "-device", dev, "-device", port}
}

// EduArgs attaches QEMU's "edu" PCI device (a teaching device with MSI),
// which the kernel's PCI and interrupt tests drive.
func EduArgs() []string { return []string{"-device", "edu"} }

// Network modes of Net.
const (
	NetNone = "none" // no network device at all (the zero Net)
	// NetUser is QEMU's user networking (slirp): needs no root; the guest
	// is 10.0.2.15/24 behind a NAT whose gateway 10.0.2.2 is the host's
	// loopback, with DNS at 10.0.2.3. The host reaches the guest only
	// through Forwards.
	NetUser = "user"
	NetTap  = "tap" // an existing tap device on the host (Net.Tap)
)

// DefaultMAC is the guest's MAC address unless Net.MAC sets one: fixed, so
// a guest's address (and a DHCP lease on a tap bridge) is the same on
// every boot. 52:54:00 is QEMU's prefix; the locally administered bit is set.
const DefaultMAC = "52:54:00:eb:00:01"

// Forward is one host port forwarded to a guest port under user networking
// (QEMU's hostfwd): connections to HostIP:HostPort on the host reach the
// guest's GuestPort.
type Forward struct {
	Proto     string // "tcp" or "udp"
	HostIP    string // IPv4 address the host side binds
	HostPort  int
	GuestPort int
}

// String renders f as `ebbnode run -p` takes it.
func (f Forward) String() string {
	return fmt.Sprintf("%s:%d:%d/%s", f.HostIP, f.HostPort, f.GuestPort, f.Proto)
}

// Net is the guest's network: one virtio-net device and its QEMU backend.
// The zero value is NetNone.
//
// Under user networking the guest's outbound connections are QEMU's
// default: 10.0.2.2 reaches the host's loopback, and other addresses
// whatever the host itself can reach. Restrict (QEMU's restrict=on) cuts
// all of that, the host included: only Forwards stay (checked: a Linux
// guest still serves through them). QEMU's guestfwd
// could re-open chosen host ports under Restrict, but one rule per guest
// address and port, each a single chardev or a command spawned per
// connection (a netcat), which does not give "the host as 10.0.2.2" for
// any port; so that is not offered.
type Net struct {
	Mode     string // NetNone (or ""), NetUser or NetTap
	Tap      string // the tap device's name, for NetTap
	Forwards []Forward
	MAC      string // "" means DefaultMAC
	Restrict bool   // NetUser only: the guest reaches nothing outside
}

// netID names the netdev backend the virtio-net device uses.
const netID = "net0"

// Check reports a Net that QEMU would refuse or that would not mean what
// it says. It does not look at the host (free ports, tap devices): see
// host/launch.
func (n Net) Check() error {
	switch n.Mode {
	case "", NetNone:
		if len(n.Forwards) > 0 {
			return fmt.Errorf("port forwards need user networking (the network is %s)", NetNone)
		}
		return nil
	case NetUser:
	case NetTap:
		if err := CheckIfName(n.Tap); err != nil {
			return err
		}
		if len(n.Forwards) > 0 {
			return fmt.Errorf("port forwards need user networking: reach a guest on tap %s at its own address", n.Tap)
		}
		if n.Restrict {
			return fmt.Errorf("restrict applies to user networking only")
		}
	default:
		return fmt.Errorf("unknown network mode %q (want %s, %s or %s)", n.Mode, NetUser, NetTap, NetNone)
	}
	if n.MAC != "" {
		if hw, err := net.ParseMAC(n.MAC); err != nil || len(hw) != 6 || hw[0]&1 != 0 {
			return fmt.Errorf("MAC %q: want six bytes such as %s, not a multicast address", n.MAC, DefaultMAC)
		}
	}
	seen := map[string]Forward{}
	for _, f := range n.Forwards {
		if err := f.check(); err != nil {
			return err
		}
		key := fmt.Sprintf("%s:%d/%s", f.HostIP, f.HostPort, f.Proto)
		if prev, ok := seen[key]; ok {
			return fmt.Errorf("forwards %v and %v use the same host port", prev, f)
		}
		seen[key] = f
	}
	return nil
}

func (f Forward) check() error {
	ip := net.ParseIP(f.HostIP)
	switch {
	case f.Proto != "tcp" && f.Proto != "udp":
		return fmt.Errorf("forward %v: protocol %q (want tcp or udp)", f, f.Proto)
	case ip == nil || ip.To4() == nil:
		return fmt.Errorf("forward %v: host address %q is not an IPv4 address", f, f.HostIP)
	case f.HostPort < 1 || f.HostPort > 65535:
		return fmt.Errorf("forward %v: host port %d out of range 1 to 65535", f, f.HostPort)
	case f.GuestPort < 1 || f.GuestPort > 65535:
		return fmt.Errorf("forward %v: guest port %d out of range 1 to 65535", f, f.GuestPort)
	}
	return nil
}

// CheckIfName checks a network interface name as Linux takes it (at most
// 15 bytes, no '/', ':' or white space) and as QEMU's option syntax can
// carry it (no ',').
func CheckIfName(name string) error {
	switch {
	case name == "":
		return fmt.Errorf("no tap device named")
	case len(name) > 15:
		return fmt.Errorf("tap device name %q is longer than 15 bytes", name)
	case name == "." || name == ".." || strings.ContainsAny(name, "/:, \t\n="):
		return fmt.Errorf("tap device name %q is not a valid interface name", name)
	}
	return nil
}

// Args returns the QEMU arguments that attach n on machine: a netdev
// backend and a virtio-net device on it (PCI on q35 — transitional there,
// as the root bus keeps legacy virtio on — and virtio-mmio on microvm).
// NetNone attaches nothing. It does not check n (see Check).
func (n Net) Args(machine string) []string {
	var netdev string
	switch n.Mode {
	case NetUser:
		netdev = "user,id=" + netID
		if n.Restrict {
			netdev += ",restrict=on"
		}
		for _, f := range n.Forwards {
			// hostfwd=PROTO:HOSTADDR:HOSTPORT-GUESTADDR:GUESTPORT; an
			// empty guest address is the guest's DHCP address.
			netdev += fmt.Sprintf(",hostfwd=%s:%s:%d-:%d", f.Proto, f.HostIP, f.HostPort, f.GuestPort)
		}
	case NetTap:
		// script=no: ebbnode configures nothing on the host; the
		// device must exist (and be ours to open) beforehand.
		netdev = "tap,id=" + netID + ",ifname=" + n.Tap + ",script=no,downscript=no"
	default:
		return nil
	}
	dev := "virtio-net-pci"
	if machine == MachineMicrovm {
		dev = "virtio-net-device"
	}
	mac := n.MAC
	if mac == "" {
		mac = DefaultMAC
	}
	return []string{"-netdev", netdev, "-device", dev + ",netdev=" + netID + ",mac=" + mac}
}
