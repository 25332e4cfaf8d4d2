package kernel

import "github.com/ebbnode/ebbnode/libc"

// Process-wide system calls: identity, limits, randomness. Trap world:
// //go:nosplit, no allocation. See package libc for the semantics.

var (
	hasRDRAND    bool // CPUID.1:ECX[30]
	fallbackSeed uint64
)

//go:nosplit
func sysGetcwd(buf, size uint64) uint64 {
	if size < 2 {
		return errno(34) // ERANGE
	}
	if !userAccessible(buf, 2, true) {
		return errno(libc.EFAULT)
	}
	store8(uintptr(buf), '/')
	store8(uintptr(buf+1), 0)
	return 2
}

//go:nosplit
func sysUname(buf uint64) uint64 {
	if !userAccessible(buf, libc.UtsLen*libc.UtsNameCount, true) {
		return errno(libc.EFAULT)
	}
	memclr(uintptr(buf), libc.UtsLen*libc.UtsNameCount)
	f := uintptr(buf)
	storeString(f, libc.UtsSysname)
	storeString(f+libc.UtsLen, libc.UtsNodename)
	storeString(f+2*libc.UtsLen, libc.UtsRelease)
	storeString(f+3*libc.UtsLen, libc.UtsVersion)
	storeString(f+4*libc.UtsLen, libc.UtsMachine)
	return 0
}

//go:nosplit
func sysPrlimit(resource, old uint64) uint64 {
	if old != 0 {
		if !userAccessible(old, 16, true) {
			return errno(libc.EFAULT)
		}
		cur, max := ^uint64(0), ^uint64(0)
		if resource == 7 { // RLIMIT_NOFILE
			cur, max = 1024, 4096
		}
		store64(uintptr(old), cur)
		store64(uintptr(old+8), max)
	}
	return 0
}

//go:nosplit
func sysGetrandom(buf, n uint64) uint64 {
	if !userAccessible(buf, n, true) {
		return errno(libc.EFAULT)
	}
	for i := uint64(0); i < n; i += 8 {
		v := random64()
		for j := uint64(0); j < 8 && i+j < n; j++ {
			store8(uintptr(buf+i+j), uint8(v>>(8*j)))
		}
	}
	return n
}

// random64 returns RDRAND output, or a TSC-mixed fallback when the CPU has
// no RDRAND (reported once at boot).
//
//go:nosplit
func random64() uint64 {
	if hasRDRAND {
		if v, ok := rdrand(); ok {
			return v
		}
	}
	// splitmix64 over the TSC: TCG's TSC follows the host clock, so the
	// stream differs between boots, but it is not cryptographic.
	fallbackSeed += rdtsc() * 0x9E3779B97F4A7C15
	x := fallbackSeed
	x = (x ^ x>>30) * 0xBF58476D1CE4E5B9
	x = (x ^ x>>27) * 0x94D049BB133111EB
	return x ^ x>>31
}
