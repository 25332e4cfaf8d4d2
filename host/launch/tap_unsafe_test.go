package launch

import (
	"fmt"
	"os"
	"strings"
	"syscall"
	"testing"
	"unsafe"

	"github.com/ebbnode/ebbnode/host/qemu"
)

// TestCheckNetTapBusy: a tap device that exists but cannot be attached
// (here: another process, this test, holds it) is one line saying so.
// The device is not persistent: it goes when the test's descriptor
// closes, however the test ends.
func TestCheckNetTapBusy(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("creating a tap device needs root (CI runs as root)")
	}
	name := fmt.Sprintf("ebbt%d", os.Getpid()%100000)
	f, err := os.OpenFile("/dev/net/tun", os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var req ifreq
	copy(req.name[:], name)
	req.flags = syscall.IFF_TAP | syscall.IFF_NO_PI
	if _, _, errno := syscall.Syscall(syscall.SYS_IOCTL, f.Fd(), syscall.TUNSETIFF, uintptr(unsafe.Pointer(&req))); errno != 0 {
		t.Fatalf("creating tap %s: %v", name, errno)
	}
	err = CheckNet(qemu.Net{Mode: qemu.NetTap, Tap: name})
	want := "tap device " + name + " cannot be opened: TUNSETIFF: device or resource busy"
	if err == nil || err.Error() != want {
		t.Errorf("CheckNet(busy tap) = %v, want %q", err, want)
	}
	f.Close()
	if err := CheckNet(qemu.Net{Mode: qemu.NetTap, Tap: name}); err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("after closing: %v, want the device gone", err)
	}
}

// TestCheckNetTapFree: a persistent tap device nobody holds passes, and
// the check leaves it as it was (still there, still detached).
func TestCheckNetTapFree(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("creating a tap device needs root (CI runs as root)")
	}
	name := fmt.Sprintf("ebbf%d", os.Getpid()%100000)
	persist := func(on uintptr) error {
		f, err := os.OpenFile("/dev/net/tun", os.O_RDWR, 0)
		if err != nil {
			return err
		}
		defer f.Close()
		var req ifreq
		copy(req.name[:], name)
		req.flags = syscall.IFF_TAP | syscall.IFF_NO_PI
		if _, _, errno := syscall.Syscall(syscall.SYS_IOCTL, f.Fd(), syscall.TUNSETIFF, uintptr(unsafe.Pointer(&req))); errno != 0 {
			return errno
		}
		if _, _, errno := syscall.Syscall(syscall.SYS_IOCTL, f.Fd(), syscall.TUNSETPERSIST, on); errno != 0 {
			return errno
		}
		return nil
	}
	if err := persist(1); err != nil {
		t.Fatalf("creating tap %s: %v", name, err)
	}
	t.Cleanup(func() {
		if err := persist(0); err != nil {
			t.Errorf("removing tap %s: %v", name, err)
		}
	})
	for range 2 { // twice: the first check must not have changed it
		if err := CheckNet(qemu.Net{Mode: qemu.NetTap, Tap: name}); err != nil {
			t.Fatalf("CheckNet(free tap) = %v", err)
		}
	}
}
