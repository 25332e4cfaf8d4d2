package kernel

import "unsafe"

// Addresses of kernel globals, for the hardware (descriptor tables, stacks)
// and the entry code, and views of identity-mapped memory outside the Go
// heap. All are //go:nosplit and trap-world safe.

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

// physWords returns n words of identity-mapped memory at pa as a slice
// (outside the Go heap: the garbage collector ignores it).
//
//go:nosplit
func physWords(pa uintptr, n int) []uint64 { return unsafe.Slice((*uint64)(physPointer(pa)), n) }

// threadTableAt returns the thread table placed at pa, and its size.
//
//go:nosplit
func threadTableAt(pa uintptr) *[maxThreads]thread { return (*[maxThreads]thread)(physPointer(pa)) }

const threadTableSize = unsafe.Sizeof([maxThreads]thread{})

// kernelDataEnd returns the end of the kernel's largest variables. The
// linker sorts each data section's symbols by size, so every smaller
// kernel variable lies before it: lazyBSS starts past it.
//
//go:nosplit
func kernelDataEnd() uintptr {
	end := uintptr(0)
	for _, e := range [...]uintptr{
		uintptr(unsafe.Pointer(&mainStack)) + unsafe.Sizeof(mainStack),
		uintptr(unsafe.Pointer(&phys)) + unsafe.Sizeof(phys),
		uintptr(unsafe.Pointer(&kstack)) + unsafe.Sizeof(kstack),
		uintptr(unsafe.Pointer(&istStack)) + unsafe.Sizeof(istStack),
		uintptr(unsafe.Pointer(&bootPT)) + unsafe.Sizeof(bootPT),
		uintptr(unsafe.Pointer(&bootInfo)) + unsafe.Sizeof(bootInfo),
		uintptr(unsafe.Pointer(&areas)) + unsafe.Sizeof(areas),
		uintptr(unsafe.Pointer(&sigTable)) + unsafe.Sizeof(sigTable),
		uintptr(unsafe.Pointer(&vdsoImage)) + unsafe.Sizeof(vdsoImage),
	} {
		end = max(end, e)
	}
	return end
}
