package kernel

import "github.com/ebbnode/ebbnode/libc"

// The smallest epoll the Go runtime's netpoller needs: one epoll instance
// (fd 3) and one eventfd (fd 4) that netpollBreak writes to, plus the IRQ
// descriptors of irqfd_trap.go. epoll_pwait
// reports the eventfd when its counter is non-zero and otherwise blocks the
// thread until the timeout or an eventfd write. Other descriptors cannot be
// added (EPERM: "not pollable", as for regular files), so the runtime uses
// blocking I/O for them. Trap world: //go:nosplit, no allocation.

const (
	epollFD   = 3
	eventFD   = 4
	epollKey  = 1 // futex-table key for threads in epoll_pwait (not an address)
	epollIn   = 1
	epollAdd  = 1
	epollDel  = 2
	epollMod  = 3
	eventSize = 12 // struct epoll_event is packed on x86_64
)

var poll struct {
	epollOpen bool
	eventOpen bool
	counter   uint64 // eventfd counter
	watched   bool   // eventfd added to the epoll set
	data      uint64 // its epoll_data
	events    uint32
}

//go:nosplit
func sysEpollCreate(_ *thread, _ sysArgs) uint64 {
	if poll.epollOpen {
		return errno(24) // EMFILE: one instance only
	}
	poll.epollOpen = true
	return epollFD
}

//go:nosplit
func sysEventfd(_ *thread, a sysArgs) uint64 {
	initval := a[0]
	if poll.eventOpen {
		return errno(24)
	}
	poll.eventOpen = true
	poll.counter = initval
	return eventFD
}

//go:nosplit
func sysEpollCtl(_ *thread, a sysArgs) uint64 {
	epfd, op, fd, ev := a[0], a[1], a[2], a[3]
	if epfd != epollFD || !poll.epollOpen {
		return errno(libc.EBADF)
	}
	if i, ok := irqFD(fd); ok {
		return irqFDCtl(i, op, ev)
	}
	if fd != eventFD || !poll.eventOpen {
		return errno(libc.EPERM)
	}
	switch op {
	case epollAdd, epollMod:
		if !userAccessible(ev, eventSize, false) {
			return errno(libc.EFAULT)
		}
		poll.events = load32(uintptr(ev))
		poll.data = uint64(load32(uintptr(ev+4))) | uint64(load32(uintptr(ev+8)))<<32
		poll.watched = true
	case epollDel:
		poll.watched = false
	default:
		return errno(libc.EINVAL)
	}
	return 0
}

// sysEpollWait implements epoll_pwait: the eventfd's event if its counter
// is set, else it parks the thread until the timeout (ms, -1 = forever)
// or an eventfd write, which returns 0 events (the runtime polls again).
// The signal mask is ignored: no signal is ever pending.
//
//go:nosplit
func sysEpollWait(_ *thread, a sysArgs) uint64 {
	epfd, events, maxevents, timeoutMs := a[0], a[1], a[2], a[3]
	if epfd != epollFD || !poll.epollOpen {
		return errno(libc.EBADF)
	}
	maxevents = min(maxevents, 1+numIRQFDs)
	if maxevents == 0 || !userAccessible(events, maxevents*eventSize, true) {
		return errno(libc.EINVAL)
	}
	n := uint64(0)
	if poll.watched && poll.counter != 0 {
		store32(uintptr(events), epollIn)
		store32(uintptr(events+4), uint32(poll.data))
		store32(uintptr(events+8), uint32(poll.data>>32))
		n = 1
	}
	if n = irqFDEvents(events, n, maxevents); n != 0 {
		return n
	}
	to := int64(int32(timeoutMs))
	if to == 0 {
		return 0
	}
	deadline := uint64(0)
	if to > 0 {
		deadline = nanotime() + uint64(to)*1000000
	}
	blockRet(epollKey, deadline, 0) // a timeout returns 0 events
	schedule(false)
	return resultSet
}

// eventfdWrite adds to the counter and wakes epoll waiters (they return 0
// events and poll again).
//
//go:nosplit
func eventfdWrite(buf, n uint64) uint64 {
	if n < 8 || !userAccessible(buf, 8, false) {
		return errno(libc.EINVAL)
	}
	poll.counter += load64(uintptr(buf))
	futexWake(epollKey, maxThreads)
	return 8
}

//go:nosplit
func eventfdRead(buf, n uint64) uint64 {
	if n < 8 || !userAccessible(buf, 8, true) {
		return errno(libc.EINVAL)
	}
	if poll.counter == 0 {
		return errno(libc.EAGAIN)
	}
	store64(uintptr(buf), poll.counter)
	poll.counter = 0
	return 8
}
