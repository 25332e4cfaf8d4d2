package launch

import (
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"

	"github.com/ebbnode/ebbnode/host/qemu"
)

// DefaultHostIP is where a forward's host side binds unless it names an
// address: the loopback, so a forwarded guest service is not exposed to
// the host's networks by accident.
const DefaultHostIP = "127.0.0.1"

// ParseForward parses a port forward as `ebbnode run -p` takes it:
// [HOSTIP:]HOSTPORT:GUESTPORT[/tcp|/udp], TCP unless it says udp.
func ParseForward(s string) (qemu.Forward, error) {
	f := qemu.Forward{Proto: "tcp", HostIP: DefaultHostIP}
	spec, proto, hasProto := strings.Cut(s, "/")
	if hasProto {
		if proto != "tcp" && proto != "udp" {
			return f, fmt.Errorf("protocol %q: want tcp or udp", proto)
		}
		f.Proto = proto
	}
	parts := strings.Split(spec, ":")
	switch len(parts) {
	case 2:
	case 3:
		if net.ParseIP(parts[0]).To4() == nil {
			return f, fmt.Errorf("host address %q: want an IPv4 address such as 127.0.0.1", parts[0])
		}
		f.HostIP, parts = parts[0], parts[1:]
	default:
		return f, fmt.Errorf("want [HOSTIP:]HOSTPORT:GUESTPORT[/tcp|/udp]")
	}
	var err error
	if f.HostPort, err = parsePort("host", parts[0]); err != nil {
		return f, err
	}
	if f.GuestPort, err = parsePort("guest", parts[1]); err != nil {
		return f, err
	}
	return f, nil
}

func parsePort(side, s string) (int, error) {
	p, err := strconv.Atoi(s)
	if err != nil || p < 1 || p > 65535 {
		return 0, fmt.Errorf("%s port %q: want a number from 1 to 65535", side, s)
	}
	return p, nil
}

// ParseNet parses `ebbnode run --net`: user, user:restrict, tap:IFNAME
// or none.
func ParseNet(s string) (qemu.Net, error) {
	mode, arg, hasArg := strings.Cut(s, ":")
	switch {
	case mode == qemu.NetUser && arg == "restrict":
		return qemu.Net{Mode: qemu.NetUser, Restrict: true}, nil
	case mode == qemu.NetTap && hasArg:
		if err := qemu.CheckIfName(arg); err != nil {
			return qemu.Net{}, err
		}
		return qemu.Net{Mode: qemu.NetTap, Tap: arg}, nil
	case mode == qemu.NetTap:
		return qemu.Net{}, fmt.Errorf("want tap:IFNAME, naming an existing tap device")
	case hasArg:
	case mode == qemu.NetUser, mode == qemu.NetNone:
		return qemu.Net{Mode: mode}, nil
	}
	return qemu.Net{}, fmt.Errorf("want user, user:restrict, tap:IFNAME or none")
}

// CheckNet checks what n needs of the host before QEMU starts, so a run
// that cannot get its network fails in one line with nothing started:
// every forward's host port free (else who holds it), a tap device that
// exists, is a tap, and can be opened.
func CheckNet(n qemu.Net) error {
	switch n.Mode {
	case qemu.NetUser:
		for _, f := range n.Forwards {
			if err := probeForward(f); err != nil {
				return err
			}
		}
	case qemu.NetTap:
		return checkTap(n.Tap)
	}
	return nil
}

// PortInUseError is a forward whose host port another socket holds.
type PortInUseError struct {
	Forward qemu.Forward
	Holder  string // "pid 123 (nc)", or "" when not visible from here
}

func (e *PortInUseError) Error() string {
	f := e.Forward
	by := ""
	if e.Holder != "" {
		by = " by " + e.Holder
	}
	return fmt.Sprintf("port forward %d:%d/%s: host port %s:%d/%s is already in use%s", f.HostPort, f.GuestPort, f.Proto, f.HostIP, f.HostPort, f.Proto, by)
}

// probeForward binds f's host side for a moment, as QEMU will. The window
// between the probe and QEMU's own bind is small; a port taken in it makes
// QEMU fail with its own message, which launch reports too.
func probeForward(f qemu.Forward) error {
	addr := net.JoinHostPort(f.HostIP, strconv.Itoa(f.HostPort))
	var err error
	if f.Proto == "udp" {
		var pc net.PacketConn
		if pc, err = net.ListenPacket("udp4", addr); err == nil {
			pc.Close()
		}
	} else {
		var ln net.Listener
		if ln, err = net.Listen("tcp4", addr); err == nil {
			ln.Close()
		}
	}
	switch {
	case err == nil:
		return nil
	case errors.Is(err, syscall.EADDRINUSE):
		return &PortInUseError{Forward: f, Holder: portHolder(f.Proto, f.HostPort)}
	}
	return fmt.Errorf("port forward %d:%d/%s: cannot bind host port %s: %w", f.HostPort, f.GuestPort, f.Proto, addr, unwrapSyscall(err))
}

// unwrapSyscall shortens a net.OpError to its system call's error.
func unwrapSyscall(err error) error {
	var se *os.SyscallError
	if errors.As(err, &se) {
		return se.Err
	}
	return err
}

// checkTap checks that the tap device name exists, is a tap, and can be
// attached to (not owned by another user, not attached elsewhere).
func checkTap(name string) error {
	sys := filepath.Join("/sys/class/net", name)
	if _, err := os.Stat(sys); err != nil {
		return fmt.Errorf("tap device %s does not exist (create it first: ip tuntap add dev %s mode tap)", name, name)
	}
	b, err := os.ReadFile(filepath.Join(sys, "tun_flags"))
	if err != nil {
		return fmt.Errorf("network device %s is not a tap device", name)
	}
	flags, err := strconv.ParseUint(strings.TrimPrefix(strings.TrimSpace(string(b)), "0x"), 16, 32)
	if err == nil && flags&syscall.IFF_TAP == 0 {
		return fmt.Errorf("network device %s is a tun device, not a tap device", name)
	}
	if err := openTap(name); err != nil {
		return fmt.Errorf("tap device %s cannot be opened: %w", name, err)
	}
	return nil
}
