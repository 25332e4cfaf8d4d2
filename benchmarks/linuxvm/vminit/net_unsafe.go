package main

import (
	"fmt"
	"net"
	"syscall"
	"unsafe"
)

// finitModule loads the kernel module in the file at path.
func finitModule(path string) error {
	fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
	if err != nil {
		return err
	}
	defer syscall.Close(fd)
	params := []byte{0}
	_, _, errno := syscall.Syscall(sysFinitModule, uintptr(fd), uintptr(unsafe.Pointer(&params[0])), 0)
	if errno != 0 {
		return errno
	}
	return nil
}

// ifreq is struct ifreq with a sockaddr_in (or flags) in its union.
type ifreq struct {
	name [syscall.IFNAMSIZ]byte
	data [24]byte
}

// ifUp gives the interface name the IPv4 address ip with mask (when ip is
// not nil) and sets it up, as "ip addr add; ip link set up" would.
func ifUp(name string, ip, mask net.IP) error {
	s, err := syscall.Socket(syscall.AF_INET, syscall.SOCK_DGRAM|syscall.SOCK_CLOEXEC, 0)
	if err != nil {
		return err
	}
	defer syscall.Close(s)
	ioctl := func(req uintptr, r *ifreq) error {
		if _, _, errno := syscall.Syscall(syscall.SYS_IOCTL, uintptr(s), req, uintptr(unsafe.Pointer(r))); errno != 0 {
			return fmt.Errorf("%s: ioctl %#x: %w", name, req, errno)
		}
		return nil
	}
	newReq := func() *ifreq {
		r := &ifreq{}
		copy(r.name[:], name)
		return r
	}
	inet := func(a net.IP) *ifreq {
		r := newReq()
		// sockaddr_in: family (host order), port, address.
		*(*uint16)(unsafe.Pointer(&r.data[0])) = syscall.AF_INET
		copy(r.data[4:8], a)
		return r
	}
	if ip != nil {
		if err := ioctl(syscall.SIOCSIFADDR, inet(ip)); err != nil {
			return err
		}
		if err := ioctl(syscall.SIOCSIFNETMASK, inet(mask)); err != nil {
			return err
		}
	}
	r := newReq()
	if err := ioctl(syscall.SIOCGIFFLAGS, r); err != nil {
		return err
	}
	*(*uint16)(unsafe.Pointer(&r.data[0])) |= syscall.IFF_UP | syscall.IFF_RUNNING
	return ioctl(syscall.SIOCSIFFLAGS, r)
}

// sysFinitModule is finit_module's number on linux/amd64 (package syscall
// predates it).
const sysFinitModule = 313
