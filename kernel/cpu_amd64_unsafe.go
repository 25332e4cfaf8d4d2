package kernel

import "unsafe"

// CPU instruction helpers, implemented in cpu_amd64.s. All are trap-world
// safe: leaf assembly without stack growth or allocation. Memory helpers
// take plain addresses because the kernel reaches physical memory and user
// memory through the identity map and the shared page tables, and keeping
// those addresses as uintptr keeps them out of the garbage collector's view.

func outb(port uint16, val uint8)
func inb(port uint16) uint8
func rdmsr(msr uint32) uint64
func wrmsr(msr uint32, val uint64)
func cpuid(leaf, sub uint32) (a, b, c, d uint32)
func rdtsc() uint64
func rdrand() (uint64, bool)
func readCR2() uint64
func readCR3() uint64
func invlpg(addr uintptr)
func lgdt(desc uintptr)
func lidt(desc uintptr)
func ltr(sel uint16)
func idleWait()
func load64(addr uintptr) uint64
func store64(addr uintptr, val uint64)
func load32(addr uintptr) uint32
func store32(addr uintptr, val uint32)
func load8(addr uintptr) uint8
func store8(addr uintptr, val uint8)
func memclr(addr, n uintptr)
func memcopy(dst, src, n uintptr)
func fxsave(addr uintptr)
func fxrstor(addr uintptr)

// rt0Addr returns the address of _rt0_amd64_linux (entry_amd64.s).
func rt0Addr() uintptr

// pvhEntry is the image's ELF and PVH entry point (entry_amd64.s); the
// image builder names it with the linker's -E. Never called from Go.
func pvhEntry()

// pvhEntry64 is the 64-bit continuation of pvhEntry. Never called from Go.
func pvhEntry64()

// haltForever executes CLI; HLT.
func haltForever()

// physPointer turns an identity-mapped physical address outside the Go heap
// (a boot module, device memory) into a pointer. The garbage collector
// ignores such pointers, so this is safe where a uintptr-to-Pointer
// conversion in Go would be flagged by vet.
func physPointer(addr uintptr) unsafe.Pointer

func outw(port uint16, val uint16)
func inw(port uint16) uint16
func outl(port uint16, val uint32)
func inl(port uint16) uint32
