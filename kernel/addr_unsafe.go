package kernel

import "unsafe"

// Addresses of kernel globals, for the hardware (descriptor tables, stacks)
// and the entry code. Taking an address is the only use of unsafe in the
// package; all are //go:nosplit and trap-world safe.

// threadLayoutOK fails to compile unless thread's size is a multiple of
// 16: an interrupt from ring 3 aligns TSS.RSP0 down to 16 bytes before
// pushing its frame, so the end of every trapFrame must be 16-aligned
// (bootMain checks the array's base).
var threadLayoutOK [0]struct{} = [unsafe.Sizeof(thread{}) % 16]struct{}{}

const trapFrameSize = unsafe.Sizeof(trapFrame{})

// threadAddr returns the address of threads[i] (its trapFrame).
//
//go:nosplit
func threadAddr(i int) uintptr { return uintptr(unsafe.Pointer(&threads[i])) }

// fxArea returns the 16-aligned FXSAVE area of threads[i].
//
//go:nosplit
func fxArea(i int) uintptr {
	return (uintptr(unsafe.Pointer(&threads[i].fx)) + 15) &^ 15
}

//go:nosplit
func istTop() uintptr { return (uintptr(unsafe.Pointer(&istStack)) + istStackSize) &^ 15 }

//go:nosplit
func kstackTop() uintptr { return (uintptr(unsafe.Pointer(&kstack)) + kstackSize) &^ 15 }

//go:nosplit
func mainStackTop() uintptr {
	return (uintptr(unsafe.Pointer(&mainStack)) + mainStackSize) &^ 15
}

//go:nosplit
func tssAddr() uintptr { return uintptr(unsafe.Pointer(&tss)) }

//go:nosplit
func idtAddr() uintptr { return uintptr(unsafe.Pointer(&idt)) }

//go:nosplit
func idtrAddr() uintptr { return uintptr(unsafe.Pointer(&idtr)) }

// physPointer turns an identity-mapped physical address outside the Go heap
// (a boot module, device memory) into a pointer; cpu_amd64.s implements it.
// The garbage collector ignores such pointers, so this is safe where a
// uintptr-to-Pointer conversion in Go would be flagged by vet.
func physPointer(addr uintptr) unsafe.Pointer

//go:nosplit
func vdsoImageAddr() uintptr { return uintptr(unsafe.Pointer(&vdsoImage)) }

// sliceAddr returns the address of b's first byte (for host tests of the
// memory helpers). The caller keeps b alive while using the address.
func sliceAddr(b []byte) uintptr { return uintptr(unsafe.Pointer(&b[0])) }
