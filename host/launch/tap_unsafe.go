package launch

import (
	"fmt"
	"os"
	"syscall"
	"unsafe"
)

// ifreq is struct ifreq as TUNSETIFF reads it: the name, the flags, and
// the rest of the union.
type ifreq struct {
	name  [syscall.IFNAMSIZ]byte
	flags uint16
	_     [22]byte
}

// openTap attaches to the existing tap device name as QEMU will, and
// detaches again. Attaching to a persistent device neither creates nor
// changes it; it fails with EPERM when the device belongs to another user
// and EBUSY when a process is attached already.
func openTap(name string) error {
	f, err := os.OpenFile("/dev/net/tun", os.O_RDWR, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	var req ifreq
	copy(req.name[:], name)
	req.flags = syscall.IFF_TAP | syscall.IFF_NO_PI
	if _, _, errno := syscall.Syscall(syscall.SYS_IOCTL, f.Fd(), syscall.TUNSETIFF, uintptr(unsafe.Pointer(&req))); errno != 0 {
		return fmt.Errorf("TUNSETIFF: %w", errno)
	}
	return nil
}
