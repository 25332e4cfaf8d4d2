package kernel

import (
	"errors"
	"fmt"
	"syscall"
	"time"
	"unsafe"

	"github.com/ebbnode/ebbnode/libc"
)

// Go-world API for device drivers: port I/O (the Go world runs with IOPL
// 3), memory-mapped registers, device interrupts and DMA memory. Drivers
// are ordinary goroutines; these functions meet the trap world only
// through port/MMIO instructions and ebbnode's private system calls, which
// the Go runtime treats as ordinary blocking calls. Hosted (not booted
// through pvhEntry) the private calls fail with ENOSYS.

// Device interrupt vectors a driver may program into MSI or an IOAPIC.
const (
	FirstDeviceVector = firstDeviceVector
	LastDeviceVector  = lastDeviceVector
)

// Port I/O.
func Outb(port uint16, v uint8)  { outb(port, v) }
func Inb(port uint16) uint8      { return inb(port) }
func Outw(port uint16, v uint16) { outw(port, v) }
func Inw(port uint16) uint16     { return inw(port) }
func Outl(port uint16, v uint32) { outl(port, v) }
func Inl(port uint16) uint32     { return inl(port) }

// Read32 and Write32 access a 32-bit device register at a physical
// address below 4 GiB (identity-mapped). Each is one MOVL: never merged,
// split or reordered by the compiler.
func Read32(addr uintptr) uint32     { return load32(addr) }
func Write32(addr uintptr, v uint32) { store32(addr, v) }

// Read8 and Write8 are the byte-wide forms of Read32 and Write32.
func Read8(addr uintptr) uint8     { return load8(addr) }
func Write8(addr uintptr, v uint8) { store8(addr, v) }

// MSIAddress returns the MSI message address for vector: physical
// destination mode, aimed at the LAPIC of IRQCPU(vector). MSIData(vector)
// is the matching message data (fixed delivery, edge-triggered).
func MSIAddress(vector int) uint64 { return lapicBase | uint64(cpus[IRQCPU(vector)].apicID)<<12 }

// IRQCPU returns the CPU (as getcpu numbers them) that device vector is
// delivered to. The device vectors are dealt over the online CPUs in turn,
// from the last one down: devices, and the driver threads their
// interrupts wake, spread over the machine, and the first device vectors
// stay off CPU 0, where the image's first Ebb core runs.
func IRQCPU(vector int) int {
	var online [maxCPUs]int
	n := 0
	for i := 0; i < ncpus; i++ {
		if cpus[i].online != 0 {
			online[n] = i
			n++
		}
	}
	if n == 0 {
		return 0 // not booted (a host-side test): the boot CPU
	}
	return dealIRQ(online[:n], vector)
}

// dealIRQ picks vector's CPU among online (lowest first, never empty).
func dealIRQ(online []int, vector int) int {
	k := (vector - FirstDeviceVector) % len(online)
	if k < 0 {
		k += len(online)
	}
	return online[len(online)-1-k]
}

// MSIData returns the MSI message data for vector.
func MSIData(vector int) uint32 { return uint32(vector) }

// ErrTimeout is returned by WaitIRQ when the timeout passes first.
var ErrTimeout = errors.New("kernel: timed out waiting for an interrupt")

// WaitIRQ blocks until vector's interrupt count differs from seen and
// returns the new count; start with seen = 0. A timeout of 0 waits
// forever.
func WaitIRQ(vector int, seen uint64, timeout time.Duration) (uint64, error) {
	if vector < FirstDeviceVector || vector > LastDeviceVector {
		return 0, fmt.Errorf("kernel: WaitIRQ: vector %d is not a device vector (%d-%d)", vector, FirstDeviceVector, LastDeviceVector)
	}
	n, _, e := syscall.Syscall(libc.SysEbbIRQWait, uintptr(vector), uintptr(seen), uintptr(timeout.Nanoseconds()))
	switch {
	case e == syscall.ETIMEDOUT:
		return seen, ErrTimeout
	case e != 0:
		return 0, fmt.Errorf("kernel: WaitIRQ(%d): %w", vector, e)
	}
	return uint64(n), nil
}

// AllocDMA returns size bytes of zeroed, physically contiguous memory and
// its physical address, for device rings and buffers. The memory is never
// freed and lies outside the Go heap (the garbage collector ignores it).
func AllocDMA(size int) ([]byte, uint64, error) {
	if size <= 0 {
		return nil, 0, fmt.Errorf("kernel: AllocDMA(%d): size must be positive", size)
	}
	pa, _, e := syscall.Syscall(libc.SysEbbDMAAlloc, uintptr(size), 0, 0)
	if e != 0 {
		return nil, 0, fmt.Errorf("kernel: AllocDMA(%d): %w", size, e)
	}
	return unsafe.Slice((*byte)(physPointer(pa)), size), uint64(pa), nil
}
