package kernel

import "github.com/ebbnode/ebbnode/libc"

// Device interrupts and DMA memory for Go-world drivers. The trap world only
// records: an interrupt on a device vector bumps the vector's count and
// wakes the threads parked in ebb_irq_wait on it; the driver goroutine does
// the work. Trap world: //go:nosplit, no allocation.

const (
	firstDeviceVector = 33
	lastDeviceVector  = 46
	irqKeyBase        = 0x100 // futex-table keys 0x100+vector (below page 1: never user addresses)
)

var irqCount [numVectors]uint64

// deviceInterrupt handles a device vector in either ring.
//
//go:nosplit
func deviceInterrupt(v uint64) {
	lapicEOIWrite()
	irqCount[v]++
	thisCPU().devices++
	key := irqKeyBase + v
	for i := 0; i < threadsUsed; i++ {
		t := &threads[i]
		if t.state == tBlocked && t.futex == key {
			wake(t, irqCount[v])
		}
	}
	irqFDWake(v)
}

// sysIRQWait implements ebb_irq_wait(vector, seen, timeout_ns): it returns
// the vector's interrupt count as soon as it differs from seen, else parks
// the thread until the next interrupt or the timeout (ETIMEDOUT; 0 means
// none). Counting instead of flagging means an interrupt between two
// waits is never lost. EINVAL for vectors other than the device vectors.
//
//go:nosplit
func sysIRQWait(_ *thread, a sysArgs) uint64 {
	v, seen, timeoutNs := a[0], a[1], a[2]
	if v < firstDeviceVector || v > lastDeviceVector {
		return errno(libc.EINVAL)
	}
	if irqCount[v] != seen {
		return irqCount[v]
	}
	deadline := uint64(0)
	if timeoutNs != 0 {
		deadline = nanotime() + timeoutNs
	}
	blockRet(irqKeyBase+v, deadline, errno(libc.ETIMEDOUT))
	schedule(false)
	return resultSet
}

// sysDMAAlloc implements ebb_dma_alloc(bytes): physically contiguous,
// zeroed frames below 4 GiB, identity-mapped, so the address returned is
// both the virtual and the bus address. Never freed; ENOMEM when no run
// of free frames is long enough.
//
//go:nosplit
func sysDMAAlloc(_ *thread, a sysArgs) uint64 {
	size := a[0]
	if size == 0 || size > 1<<30 {
		return errno(libc.EINVAL)
	}
	n := (size + pageSize - 1) / pageSize
	pa, ok := phys.AllocContig(n)
	if !ok {
		return errno(libc.ENOMEM)
	}
	memclr(uintptr(pa), uintptr(n*pageSize))
	setUser(pa, pa+n*pageSize, true) // RAM is supervisor-only (hardenMemory)
	return pa
}
