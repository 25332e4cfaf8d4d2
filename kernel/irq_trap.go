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
	key := irqKeyBase + v
	for i := 0; i < threadsUsed; i++ {
		t := &threads[i]
		if t.state == tBlocked && t.futex == key {
			wake(t, irqCount[v])
		}
	}
}

// sysIRQWait implements ebb_irq_wait; it sets t's result or blocks t.
//
//go:nosplit
func sysIRQWait(t *thread, v, seen, timeoutNs uint64) {
	if v < firstDeviceVector || v > lastDeviceVector {
		t.tf.RAX = errno(libc.EINVAL)
		return
	}
	if irqCount[v] != seen {
		t.tf.RAX = irqCount[v]
		return
	}
	deadline := uint64(0)
	if timeoutNs != 0 {
		deadline = nanotime() + timeoutNs
	}
	blockRet(irqKeyBase+v, deadline, errno(libc.ETIMEDOUT))
	schedule(false)
}

// sysDMAAlloc implements ebb_dma_alloc.
//
//go:nosplit
func sysDMAAlloc(size uint64) uint64 {
	if size == 0 || size > 1<<30 {
		return errno(libc.EINVAL)
	}
	n := (size + pageSize - 1) / pageSize
	pa, ok := phys.AllocContig(n)
	if !ok {
		return errno(libc.ENOMEM)
	}
	memclr(uintptr(pa), uintptr(n*pageSize))
	return pa
}
