package qemu

import (
	"strings"
	"testing"
)

func TestNetArgs(t *testing.T) {
	fwd := []Forward{
		{Proto: "tcp", HostIP: "127.0.0.1", HostPort: 8080, GuestPort: 80},
		{Proto: "udp", HostIP: "0.0.0.0", HostPort: 5353, GuestPort: 53},
	}
	tests := []struct {
		name    string
		n       Net
		machine string
		want    string // the whole argument list, space-joined
	}{
		{"zero", Net{}, MachineQ35, ""},
		{"none", Net{Mode: NetNone}, MachineQ35, ""},
		{"user q35", Net{Mode: NetUser}, MachineQ35,
			"-netdev user,id=net0 -device virtio-net-pci,netdev=net0,mac=52:54:00:eb:00:01"},
		{"user forwards microvm", Net{Mode: NetUser, Forwards: fwd}, MachineMicrovm,
			"-netdev user,id=net0,hostfwd=tcp:127.0.0.1:8080-:80,hostfwd=udp:0.0.0.0:5353-:53 -device virtio-net-device,netdev=net0,mac=52:54:00:eb:00:01"},
		{"user restrict mac", Net{Mode: NetUser, Restrict: true, MAC: "52:54:00:00:00:02"}, MachineQ35,
			"-netdev user,id=net0,restrict=on -device virtio-net-pci,netdev=net0,mac=52:54:00:00:00:02"},
		{"tap", Net{Mode: NetTap, Tap: "tap7"}, MachineQ35,
			"-netdev tap,id=net0,ifname=tap7,script=no,downscript=no -device virtio-net-pci,netdev=net0,mac=52:54:00:eb:00:01"},
	}
	for _, tt := range tests {
		if err := tt.n.Check(); err != nil {
			t.Errorf("%s: Check: %v", tt.name, err)
		}
		if got := strings.Join(tt.n.Args(tt.machine), " "); got != tt.want {
			t.Errorf("%s: Args\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}

func TestNetCheck(t *testing.T) {
	ok := Forward{Proto: "tcp", HostIP: "127.0.0.1", HostPort: 8080, GuestPort: 80}
	with := func(change func(*Forward)) []Forward {
		f := ok
		change(&f)
		return []Forward{f}
	}
	for _, tt := range []struct {
		n    Net
		want string
	}{
		{Net{Mode: "bridge"}, `unknown network mode "bridge"`},
		{Net{Mode: NetNone, Forwards: []Forward{ok}}, "need user networking"},
		{Net{Mode: NetTap}, "no tap device named"},
		{Net{Mode: NetTap, Tap: "a,b"}, "not a valid interface name"},
		{Net{Mode: NetTap, Tap: "abcdefghijklmnop"}, "longer than 15 bytes"},
		{Net{Mode: NetTap, Tap: "tap0", Forwards: []Forward{ok}}, "need user networking"},
		{Net{Mode: NetTap, Tap: "tap0", Restrict: true}, "user networking only"},
		{Net{Mode: NetUser, MAC: "01:00:5e:00:00:01"}, "multicast"},
		{Net{Mode: NetUser, MAC: "zz"}, `MAC "zz"`},
		{Net{Mode: NetUser, Forwards: with(func(f *Forward) { f.Proto = "sctp" })}, `protocol "sctp"`},
		{Net{Mode: NetUser, Forwards: with(func(f *Forward) { f.HostIP = "::1" })}, "not an IPv4 address"},
		{Net{Mode: NetUser, Forwards: with(func(f *Forward) { f.HostPort = 70000 })}, "host port 70000 out of range"},
		{Net{Mode: NetUser, Forwards: with(func(f *Forward) { f.GuestPort = 0 })}, "guest port 0 out of range"},
		{Net{Mode: NetUser, Forwards: []Forward{ok, {Proto: "tcp", HostIP: "127.0.0.1", HostPort: 8080, GuestPort: 81}}}, "same host port"},
	} {
		err := tt.n.Check()
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Check(%+v) = %v, want %q", tt.n, err, tt.want)
		}
	}
	// The same host port under the other protocol is another port.
	udp := ok
	udp.Proto = "udp"
	if err := (Net{Mode: NetUser, Forwards: []Forward{ok, udp}}).Check(); err != nil {
		t.Errorf("tcp and udp on one port: %v", err)
	}
}
