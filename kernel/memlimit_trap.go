package kernel

// The Go heap's soft limit follows the VM's RAM. The kernel passes
// GOMEMLIMIT in the synthetic envp rather than calling
// debug.SetMemoryLimit from this package's init: the runtime reads it in
// schedinit, before the first allocation of any package's init (jsrt's
// initialisation alone allocates megabytes before this package's init
// could run), and it needs no import of runtime/debug. A program may still
// change it with debug.SetMemoryLimit. Trap world: //go:nosplit, no
// allocation.

// ramBytes is the usable RAM in the E820 map.
var ramBytes uint64

// memLimit is the soft limit passed to the runtime, in bytes (0 before
// boot), kept for the out-of-memory report.
var memLimit uint64

// memLimitShare is the part of free RAM kept out of the Go heap's limit
// for the kernel: page tables, DMA rings and buffers, and the rounding of
// 2 MiB demand pages, which the runtime does not count. A sixteenth plus
// 4 MiB: page tables are under 1% of what they map, the virtio devices
// take about a megabyte, and large pages waste at most a few blocks at
// area edges.
//
//go:nosplit
func memLimitShare(free uint64) uint64 { return free/16 + 4<<20 }

// memLimitEnv writes "GOMEMLIMIT=<bytes>" into buf for the RAM free after
// boot, less the kernel's share, and returns it.
//
//go:nosplit
func memLimitEnv(buf *[40]byte) []byte {
	free := freeFrames() * pageSize
	lim := uint64(1 << 20) // a VM smaller than the share still gets a limit
	if share := memLimitShare(free); free > share+lim {
		lim = free - share
	}
	memLimit = lim
	const key = "GOMEMLIMIT="
	n := copy(buf[:], key)
	var digits [20]byte
	d := len(digits)
	for v := lim; ; v /= 10 {
		d--
		digits[d] = byte('0' + v%10)
		if v < 10 {
			break
		}
	}
	n += copy(buf[n:], digits[d:])
	return buf[:n]
}
