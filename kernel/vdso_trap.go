package kernel

// A minimal vDSO, so that the Go runtime reads the clock without a trap
// (it calls clock_gettime for every nanotime and walltime). The runtime
// finds it through AT_SYSINFO_EHDR and looks up __vdso_clock_gettime,
// version LINUX_2.6, by the dynamic symbol table, SysV hash table and
// version definitions of an ELF image (runtime/vdso_linux.go); bootMain
// builds exactly those in vdsoImage. The symbol points at
// vdsoClockGettime in the kernel's text (vdso_amd64.s), which the Go world
// may execute (ring 3, shared page tables). ebbnode.debug=novdso leaves the
// vDSO out. Trap world: //go:nosplit, no allocation.

// nrClockGettime is clock_gettime's number, for vdso_amd64.s.
const nrClockGettime = 228

// vdsoClockGettime implements __vdso_clock_gettime (C ABI). Never called
// from Go.
func vdsoClockGettime()

// vdsoClockGettimeAddr returns the address of vdsoClockGettime.
func vdsoClockGettimeAddr() uintptr

// Layout of vdsoImage.
const (
	vdsoPhoff   = 64
	vdsoDynOff  = vdsoPhoff + 2*56
	vdsoSymOff  = vdsoDynOff + 6*16
	vdsoStrOff  = vdsoSymOff + 2*24
	vdsoHashOff = vdsoStrOff + 40
	vdsoVerOff  = vdsoHashOff + 24 // hash: nbucket, nchain, 1 bucket, 2 chains; versym: 2 x u16
	vdsoDefOff  = vdsoVerOff + 8   // verdef (20 bytes) + verdaux (8)
	vdsoSize    = 4096

	vdsoStrFunc = 1                                                      // "__vdso_clock_gettime"
	vdsoStrVer  = vdsoStrFunc + uintptr(len("__vdso_clock_gettime")) + 1 // "LINUX_2.6"
	vdsoVerHash = 0x3ae75f6                                              // ELF hash of "LINUX_2.6"
)

var (
	vdsoImage [vdsoSize + 16]byte
	noVDSO    bool // ebbnode.debug=novdso
)

// buildVDSO writes the vDSO image and returns its address (16-aligned).
//
//go:nosplit
func buildVDSO() uintptr {
	base := (vdsoImageAddr() + 15) &^ 15
	memclr(base, vdsoSize)
	// ELF header: ELF64, little-endian, ET_DYN, x86-64, two program headers.
	store32(base, 0x464c457f)
	store8(base+4, 2)
	store8(base+5, 1)
	store8(base+6, 1)
	store16(base+16, 3)
	store16(base+18, 62)
	store32(base+20, 1)
	store64(base+32, vdsoPhoff)
	store16(base+52, 64)
	store16(base+54, 56)
	store16(base+56, 2)
	// PT_LOAD over the image at vaddr 0; PT_DYNAMIC.
	ph := base + vdsoPhoff
	store32(ph, 1)
	store32(ph+4, 5) // R+X
	store64(ph+40, vdsoSize)
	store64(ph+32, vdsoSize)
	store32(ph+56, 2)
	store64(ph+56+8, vdsoDynOff)
	store64(ph+56+16, vdsoDynOff)
	store64(ph+56+32, 6*16)
	// Dynamic section.
	dyn := [...]uint64{5, vdsoStrOff, 6, vdsoSymOff, 4, vdsoHashOff, 0x6ffffff0, vdsoVerOff, 0x6ffffffc, vdsoDefOff, 0, 0}
	for i, v := range dyn {
		store64(base+vdsoDynOff+uintptr(i)*8, v)
	}
	// Symbol 1: __vdso_clock_gettime, global function in section 1. The
	// value is relative to the image; it wraps around when the function
	// lies below it, which the runtime's uintptr addition undoes.
	sym := base + vdsoSymOff + 24
	store32(sym, vdsoStrFunc)
	store8(sym+4, 0x12)
	store16(base+6+vdsoSymOff+24, 1)
	store64(sym+8, uint64(vdsoClockGettimeAddr()-base))
	// Strings.
	str := base + vdsoStrOff
	storeString(str+vdsoStrFunc, "__vdso_clock_gettime")
	storeString(str+vdsoStrVer, "LINUX_2.6")
	// SysV hash: one bucket holding symbol 1, chains end at 0.
	store32(base+vdsoHashOff, 1)
	store32(base+vdsoHashOff+4, 2)
	store32(base+vdsoHashOff+8, 1)
	// Version of symbol 1 is index 2, defined as LINUX_2.6.
	store16(base+vdsoVerOff+2, 2)
	def := base + vdsoDefOff
	store16(base+vdsoDefOff, 1) // vd_version
	store16(base+vdsoDefOff+4, 2)
	store16(base+vdsoDefOff+6, 1)
	store32(def+8, vdsoVerHash)
	store32(def+12, 20) // vd_aux
	store32(def+20, uint32(vdsoStrVer))
	return base
}

//go:nosplit
func store16(addr uintptr, v uint16) {
	store8(addr, uint8(v))
	store8(addr+1, uint8(v>>8))
}

//go:nosplit
func storeString(addr uintptr, s string) {
	for i := 0; i < len(s); i++ {
		store8(addr+uintptr(i), s[i])
	}
}
