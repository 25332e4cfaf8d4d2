package kernel

import "github.com/ebbnode/ebbnode/libc"

// File descriptors: 0-2 are the console, 3 and 4 the runtime's epoll
// instance and eventfd (poll_trap.go). Files are not the kernel's business:
// the Go world reaches the host's files over the Messenger. Trap world:
// //go:nosplit, no allocation.

// sysRead: fd 0 is always at end of file (stdin comes over the Messenger,
// not the serial port); the eventfd hands over its counter.
//
//go:nosplit
func sysRead(_ *thread, a sysArgs) uint64 {
	fd, buf, n := a[0], a[1], a[2]
	switch {
	case fd == 0:
		return 0
	case fd == eventFD && poll.eventOpen:
		return eventfdRead(buf, n)
	}
	if i, ok := irqFD(fd); ok {
		return irqFDRead(i, buf, n)
	}
	return errno(libc.EBADF)
}

// sysWrite copies fds 1 and 2 to the serial console byte for byte.
//
//go:nosplit
func sysWrite(_ *thread, a sysArgs) uint64 {
	fd, buf, n := a[0], a[1], a[2]
	if fd == eventFD && poll.eventOpen {
		return eventfdWrite(buf, n)
	}
	if fd != 1 && fd != 2 {
		return errno(libc.EBADF)
	}
	if !userAccessible(buf, n, false) {
		return errno(libc.EFAULT)
	}
	kprintMem(uintptr(buf), uintptr(n))
	return n
}

// sysClose closes the epoll instance or the eventfd; the standard
// descriptors stay open (the console outlives the runtime's closes).
//
//go:nosplit
func sysClose(_ *thread, a sysArgs) uint64 {
	fd := a[0]
	switch {
	case fd == epollFD && poll.epollOpen:
		poll.epollOpen = false
	case fd == eventFD && poll.eventOpen:
		poll.eventOpen, poll.watched = false, false
	case fd >= irqFDBase && fd < irqFDBase+numIRQFDs && irqFDs[fd-irqFDBase].open:
		return irqFDClose(int(fd - irqFDBase))
	default:
		return fdCheck(fd, 0)
	}
	return 0
}

// sysFcntl answers F_GETFD/F_GETFL and the rest with 0 for fds 0-2: the
// runtime only asks whether they are non-blocking (they are not).
//
//go:nosplit
func sysFcntl(_ *thread, a sysArgs) uint64 {
	if _, ok := irqFD(a[0]); ok {
		return irqFDFcntl(a[1])
	}
	return fdCheck(a[0], 0)
}

// sysOpenat: the kernel has no file system; ENOENT makes the runtime's
// probes of /sys and /proc files fall back to their defaults.
//
//go:nosplit
func sysOpenat(_ *thread, _ sysArgs) uint64 { return errno(libc.ENOENT) }

// fdCheck answers ok for the standard descriptors and EBADF otherwise.
//
//go:nosplit
func fdCheck(fd, ok uint64) uint64 {
	if fd <= 2 {
		return ok
	}
	return errno(libc.EBADF)
}
