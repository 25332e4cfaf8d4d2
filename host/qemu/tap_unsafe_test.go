package qemu_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"syscall"
	"testing"
	"time"
	"unsafe"

	"github.com/ebbnode/ebbnode/host/qemu"
	"github.com/ebbnode/ebbnode/host/qemu/qemutest"
)

// attachTap attaches to the tap device name (creating a non-persistent
// one if it does not exist) and optionally sets it persistent; it returns
// the descriptor's error.
func attachTap(name string, persist int) error {
	f, err := os.OpenFile("/dev/net/tun", os.O_RDWR, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	var req struct {
		name  [syscall.IFNAMSIZ]byte
		flags uint16
		_     [22]byte
	}
	copy(req.name[:], name)
	req.flags = syscall.IFF_TAP | syscall.IFF_NO_PI
	if _, _, errno := syscall.Syscall(syscall.SYS_IOCTL, f.Fd(), syscall.TUNSETIFF, uintptr(unsafe.Pointer(&req))); errno != 0 {
		return errno
	}
	if persist >= 0 {
		if _, _, errno := syscall.Syscall(syscall.SYS_IOCTL, f.Fd(), syscall.TUNSETPERSIST, uintptr(persist)); errno != 0 {
			return errno
		}
	}
	return nil
}

// TestRunNetTap: QEMU takes the tap arguments on both machines and
// attaches to the existing device while the guest runs (another attach
// is refused as busy), and lets it go afterwards.
func TestRunNetTap(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("creating a tap device needs root (CI runs as root)")
	}
	name := fmt.Sprintf("ebbq%d", os.Getpid()%100000)
	if err := attachTap(name, 1); err != nil {
		t.Fatalf("creating tap %s: %v", name, err)
	}
	t.Cleanup(func() {
		if err := attachTap(name, 0); err != nil {
			t.Errorf("removing tap %s: %v", name, err)
		}
	})
	for _, machine := range []string{qemu.MachineQ35, qemu.MachineMicrovm} {
		t.Run(machine, func(t *testing.T) {
			c := config(image(t, new(qemutest.Program).Hang()))
			c.Machine = machine
			c.ExtraArgs = qemu.Net{Mode: qemu.NetTap, Tap: name}.Args(machine)
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan error, 1)
			go func() { _, err := qemu.Run(ctx, c); done <- err }()
			busy := false
			for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline) && !busy; {
				select {
				case err := <-done:
					t.Fatalf("QEMU ended early: %v", err)
				case <-time.After(50 * time.Millisecond):
				}
				busy = errors.Is(attachTap(name, -1), syscall.EBUSY)
			}
			cancel()
			<-done
			if !busy {
				t.Fatalf("QEMU never attached to tap %s", name)
			}
			if err := attachTap(name, -1); err != nil {
				t.Errorf("tap %s still held after QEMU ended: %v", name, err)
			}
		})
	}
}
