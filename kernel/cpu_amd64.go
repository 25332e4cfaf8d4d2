package kernel

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
func writeCR3(pml4 uint64)
func invlpg(addr uintptr)
func lgdt(desc uintptr)
func lidt(desc uintptr)
func ltr(sel uint16)
func idleWait()
func load64(addr uintptr) uint64
func store64(addr uintptr, val uint64)
func cas64(addr uintptr, old, new uint64) bool
func load32(addr uintptr) uint32
func store32(addr uintptr, val uint32)
func load8(addr uintptr) uint8
func store8(addr uintptr, val uint8)
func memclr(addr, n uintptr)
func memcopy(dst, src, n uintptr)
func fxsave(addr uintptr)
func fxrstor(addr uintptr)

// haltForever executes CLI; HLT.
func haltForever()

func outw(port uint16, val uint16)
func inw(port uint16) uint16
func outl(port uint16, val uint32)
func inl(port uint16) uint32

// cpuRelax executes PAUSE, the spin-wait hint.
func cpuRelax()
