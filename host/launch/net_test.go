package launch

import (
	"errors"
	"fmt"
	"net"
	"os"
	"strings"
	"testing"

	"github.com/ebbnode/ebbnode/host/qemu"
)

func TestParseForward(t *testing.T) {
	for in, want := range map[string]qemu.Forward{
		"8080:80":             {Proto: "tcp", HostIP: "127.0.0.1", HostPort: 8080, GuestPort: 80},
		"8080:80/tcp":         {Proto: "tcp", HostIP: "127.0.0.1", HostPort: 8080, GuestPort: 80},
		"5353:53/udp":         {Proto: "udp", HostIP: "127.0.0.1", HostPort: 5353, GuestPort: 53},
		"0.0.0.0:1:65535":     {Proto: "tcp", HostIP: "0.0.0.0", HostPort: 1, GuestPort: 65535},
		"127.0.0.2:9000:9000": {Proto: "tcp", HostIP: "127.0.0.2", HostPort: 9000, GuestPort: 9000},
	} {
		got, err := ParseForward(in)
		if err != nil || got != want {
			t.Errorf("ParseForward(%q) = %+v, %v; want %+v", in, got, err, want)
		}
	}
	for in, want := range map[string]string{
		"8080":             "want [HOSTIP:]HOSTPORT:GUESTPORT",
		"1:2:3:4":          "want [HOSTIP:]HOSTPORT:GUESTPORT",
		"8080:80/sctp":     `protocol "sctp"`,
		"x:80":             `host port "x"`,
		"8080:0":           `guest port "0"`,
		"70000:80":         `host port "70000"`,
		"localhost:80:80":  `host address "localhost"`,
		"::1:80:80":        "want [HOSTIP:]HOSTPORT:GUESTPORT",
		"8080:80/":         `protocol ""`,
		"256.0.0.1:80:80":  `host address "256.0.0.1"`,
		"127.0.0.1::80":    `host port ""`,
		"8080:80/tcp/udp":  `protocol "tcp/udp"`,
		" 8080:80":         `host port " 8080"`,
		"127.0.0.1:8080:8": "",
	} {
		_, err := ParseForward(in)
		if want == "" {
			if err != nil {
				t.Errorf("ParseForward(%q): %v", in, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseForward(%q) = %v, want %q", in, err, want)
		}
	}
}

func TestParseNet(t *testing.T) {
	for in, want := range map[string]qemu.Net{
		"user":          {Mode: qemu.NetUser},
		"user:restrict": {Mode: qemu.NetUser, Restrict: true},
		"none":          {Mode: qemu.NetNone},
		"tap:tap0":      {Mode: qemu.NetTap, Tap: "tap0"},
		"tap:ebb-1":     {Mode: qemu.NetTap, Tap: "ebb-1"},
	} {
		got, err := ParseNet(in)
		if err != nil || got.Mode != want.Mode || got.Tap != want.Tap || got.Restrict != want.Restrict {
			t.Errorf("ParseNet(%q) = %+v, %v; want %+v", in, got, err, want)
		}
		if s := NetString(got); s != in {
			t.Errorf("NetString(ParseNet(%q)) = %q", in, s)
		}
	}
	for in, want := range map[string]string{
		"":                     "want user, user:restrict, tap:IFNAME or none",
		"bridge":               "want user, user:restrict, tap:IFNAME or none",
		"user:x":               "want user, user:restrict, tap:IFNAME or none",
		"tap":                  "want tap:IFNAME",
		"tap:":                 "no tap device named",
		"tap:a,b":              "not a valid interface name",
		"tap:sixteen-chars-xy": "longer than 15 bytes",
	} {
		if _, err := ParseNet(in); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseNet(%q) = %v, want %q", in, err, want)
		}
	}
}

// TestValidateNet: a Net that QEMU would refuse is a SettingError for
// --net; the default machine has user networking.
func TestValidateNet(t *testing.T) {
	if Default.Net.Mode != qemu.NetUser {
		t.Errorf("Default.Net = %+v, want user networking", Default.Net)
	}
	vm := Default
	vm.Net = qemu.Net{Mode: qemu.NetNone, Forwards: []qemu.Forward{{Proto: "tcp", HostIP: "127.0.0.1", HostPort: 1, GuestPort: 1}}}
	var se *SettingError
	if err := vm.Validate(); !errors.As(err, &se) || se.Setting != "net" || !strings.Contains(err.Error(), "need user networking") {
		t.Errorf("Validate(forwards without user net) = %v", err)
	}
	vm.Net = qemu.Net{Mode: qemu.NetUser, Forwards: []qemu.Forward{{Proto: "tcp", HostIP: "127.0.0.1", HostPort: 8080, GuestPort: 80}}}
	args := strings.Join(vm.CommandLine("k", qemu.AccelTCG), " ")
	if !strings.Contains(args, "-netdev user,id=net0,hostfwd=tcp:127.0.0.1:8080-:80 -device virtio-net-pci,netdev=net0") {
		t.Errorf("command line %q lacks the network", args)
	}
}

// TestCheckNetPortInUse: a forward whose host port this process holds is
// refused, naming the port and this process as the holder.
func TestCheckNetPortInUse(t *testing.T) {
	ln, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := ln.Addr().(*net.TCPAddr).Port
	n := qemu.Net{Mode: qemu.NetUser, Forwards: []qemu.Forward{{Proto: "tcp", HostIP: "127.0.0.1", HostPort: port, GuestPort: 80}}}
	err = CheckNet(n)
	var pe *PortInUseError
	if !errors.As(err, &pe) {
		t.Fatalf("CheckNet = %v, want a PortInUseError", err)
	}
	want := fmt.Sprintf("host port 127.0.0.1:%d/tcp is already in use by pid %d (", port, os.Getpid())
	if !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), "\n") {
		t.Errorf("CheckNet = %q, want one line with %q", err, want)
	}
	// A wildcard bind conflicts too.
	n.Forwards[0].HostIP = "0.0.0.0"
	if err := CheckNet(n); !errors.As(err, &pe) {
		t.Errorf("CheckNet(0.0.0.0:%d) = %v, want in use", port, err)
	}
	ln.Close()
	n.Forwards[0].HostIP = "127.0.0.1"
	if err := CheckNet(n); err != nil {
		t.Errorf("CheckNet after the port was freed: %v", err)
	}
	// UDP is another port space, probed with a UDP bind.
	pc, err := net.ListenPacket("udp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer pc.Close()
	uport := pc.LocalAddr().(*net.UDPAddr).Port
	err = CheckNet(qemu.Net{Mode: qemu.NetUser, Forwards: []qemu.Forward{{Proto: "udp", HostIP: "127.0.0.1", HostPort: uport, GuestPort: 53}}})
	if !errors.As(err, &pe) || !strings.Contains(err.Error(), fmt.Sprintf("pid %d", os.Getpid())) {
		t.Errorf("CheckNet(udp %d) = %v, want in use by this process", uport, err)
	}
}

// TestCheckNetTap: a missing device and a device that is not a tap are
// each one line saying so.
func TestCheckNetTap(t *testing.T) {
	for n, want := range map[string]string{
		"ebbnotthere0": "tap device ebbnotthere0 does not exist",
		"lo":           "network device lo is not a tap device",
	} {
		err := CheckNet(qemu.Net{Mode: qemu.NetTap, Tap: n})
		if err == nil || !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("CheckNet(tap:%s) = %v, want %q", n, err, want)
		}
	}
}
