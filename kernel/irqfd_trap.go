package kernel

import "github.com/ebbnode/ebbnode/libc"

// IRQ descriptors: a device vector as a pollable file, so a driver
// goroutine parks in the Go runtime's netpoller (no thread held in a
// blocking call) instead of in ebb_irq_wait. ebb_irq_fd(vector) returns
// descriptor irqFDBase+(vector-firstDeviceVector), always non-blocking:
// read takes the number of interrupts since the previous read (8 bytes;
// EAGAIN when there was none), epoll reports it readable once per new
// interrupt (edge-triggered, as the runtime registers it), and an
// interrupt on a watched vector wakes the threads in epoll_pwait. Trap
// world: //go:nosplit, no allocation.

const (
	irqFDBase = 16
	numIRQFDs = lastDeviceVector - firstDeviceVector + 1

	oRDWR     = 2
	oNonblock = 0x800
	fGetfd    = 1
	fSetfd    = 2
	fGetfl    = 3
	fSetfl    = 4
)

type irqFDSlot struct {
	open, watched bool
	data          uint64 // epoll_data
	read          uint64 // irqCount at the last read
	reported      uint64 // irqCount when epoll last reported it
}

var irqFDs [numIRQFDs]irqFDSlot

// irqFD returns the slot of an open IRQ descriptor.
//
//go:nosplit
func irqFD(fd uint64) (int, bool) {
	if fd < irqFDBase || fd >= irqFDBase+numIRQFDs {
		return 0, false
	}
	i := int(fd - irqFDBase)
	return i, irqFDs[i].open
}

// sysIRQFD implements ebb_irq_fd(vector): EINVAL for other vectors, EBUSY
// while the vector's descriptor is open.
//
//go:nosplit
func sysIRQFD(_ *thread, a sysArgs) uint64 {
	v := a[0]
	if v < firstDeviceVector || v > lastDeviceVector {
		return errno(libc.EINVAL)
	}
	s := &irqFDs[v-firstDeviceVector]
	if s.open {
		return errno(16) // EBUSY
	}
	*s = irqFDSlot{open: true, read: irqCount[v], reported: irqCount[v]}
	return irqFDBase + v - firstDeviceVector
}

//go:nosplit
func irqFDRead(i int, buf, n uint64) uint64 {
	if n < 8 {
		return errno(libc.EINVAL)
	}
	if !userAccessible(buf, 8, true) {
		return errno(libc.EFAULT)
	}
	s := &irqFDs[i]
	c := irqCount[firstDeviceVector+i]
	if c == s.read {
		return errno(libc.EAGAIN)
	}
	store64(uintptr(buf), c-s.read)
	s.read = c
	return 8
}

//go:nosplit
func irqFDClose(i int) uint64 {
	irqFDs[i].open, irqFDs[i].watched = false, false
	return 0
}

// irqFDFcntl: the descriptor is always O_RDWR|O_NONBLOCK; setting flags
// is accepted and changes nothing.
//
//go:nosplit
func irqFDFcntl(cmd uint64) uint64 {
	switch cmd {
	case fGetfl:
		return oRDWR | oNonblock
	case fGetfd, fSetfd, fSetfl:
		return 0
	}
	return errno(libc.EINVAL)
}

// irqFDCtl adds, modifies or removes descriptor slot i in the epoll set.
//
//go:nosplit
func irqFDCtl(i int, op, ev uint64) uint64 {
	s := &irqFDs[i]
	switch op {
	case epollAdd, epollMod:
		if !userAccessible(ev, eventSize, false) {
			return errno(libc.EFAULT)
		}
		s.data = uint64(load32(uintptr(ev+4))) | uint64(load32(uintptr(ev+8)))<<32
		s.watched = true
	case epollDel:
		s.watched = false
	default:
		return errno(libc.EINVAL)
	}
	return 0
}

// irqFDEvents writes an event for each watched descriptor with interrupts
// not yet reported, from events[n] on, up to max; it returns the new n.
//
//go:nosplit
func irqFDEvents(events, n, max uint64) uint64 {
	for i := range irqFDs {
		if n >= max {
			break
		}
		s := &irqFDs[i]
		c := irqCount[firstDeviceVector+i]
		if !s.watched || c == s.reported {
			continue
		}
		s.reported = c
		e := uintptr(events + n*eventSize)
		store32(e, epollIn)
		store32(e+4, uint32(s.data))
		store32(e+8, uint32(s.data>>32))
		n++
	}
	return n
}

// irqFDWake wakes the epoll waiters when vector v is watched.
//
//go:nosplit
func irqFDWake(v uint64) {
	if irqFDs[v-firstDeviceVector].watched {
		futexWake(epollKey, maxThreads)
	}
}
