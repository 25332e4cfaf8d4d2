// Package frames is the physical frame allocator: a bitmap over 4 KiB
// frames below MaxPhys. It keeps its state in a fixed array (no
// allocation), so it is safe in the trap world: every method is
// //go:nosplit and the zero Allocator (all frames used) is ready to have
// free ranges added.
package frames

// PageSize is the frame size.
const PageSize = 4096

// MaxPhys bounds the physical memory the allocator can manage (4 GiB: the
// kernel's identity map).
const MaxPhys = 4 << 30

const nframes = MaxPhys / PageSize

// Allocator tracks which frames are free. A set bit means free.
type Allocator struct {
	free  [nframes / 64]uint64
	next  uint64 // word index where the next downward search starts
	nfree uint64
}

// AddFree marks the frames wholly inside [start, end) free.
//
//go:nosplit
func (a *Allocator) AddFree(start, end uint64) {
	start = (start + PageSize - 1) &^ (PageSize - 1)
	end &^= PageSize - 1
	if end > MaxPhys {
		end = MaxPhys
	}
	for p := start; p < end; p += PageSize {
		f := p / PageSize
		// A whole word at a time where the range covers it and it is
		// all used: a GiB of RAM is 4096 words but 262144 frames, and
		// under TCG the frame-by-frame loop cost milliseconds of boot.
		if f%64 == 0 && end-p >= 64*PageSize && a.free[f/64] == 0 {
			a.free[f/64] = ^uint64(0)
			a.nfree += 64
			if f/64 > a.next {
				a.next = f / 64
			}
			p += 63 * PageSize
			continue
		}
		if a.free[f/64]&(1<<(f%64)) == 0 {
			a.free[f/64] |= 1 << (f % 64)
			a.nfree++
			if f/64 > a.next {
				a.next = f / 64
			}
		}
	}
}

// Reserve marks the frames overlapping [start, end) used.
//
//go:nosplit
func (a *Allocator) Reserve(start, end uint64) {
	start &^= PageSize - 1
	if end > MaxPhys {
		end = MaxPhys
	}
	for p := start; p < end; p += PageSize {
		f := p / PageSize
		if a.free[f/64]&(1<<(f%64)) != 0 {
			a.free[f/64] &^= 1 << (f % 64)
			a.nfree--
		}
	}
}

// Alloc returns the physical address of a free frame, or ok == false when
// none is left. The frame's contents are not cleared. Single frames come
// from the top of memory down, so they do not break up the 2 MiB runs
// that Alloc2M takes from the bottom.
//
//go:nosplit
func (a *Allocator) Alloc() (pa uint64, ok bool) {
	n := uint64(len(a.free))
	for i := uint64(0); i < n; i++ {
		w := (a.next + n - i) % n
		if x := a.free[w]; x != 0 {
			bit := uint64(63)
			for x&(1<<bit) == 0 {
				bit--
			}
			a.free[w] &^= 1 << bit
			a.nfree--
			a.next = w
			return (w*64 + bit) * PageSize, true
		}
	}
	return 0, false
}

// Alloc2M returns a free, 2 MiB-aligned run of 512 frames, or ok == false.
//
//go:nosplit
func (a *Allocator) Alloc2M() (pa uint64, ok bool) {
	const words = 512 / 64
	for w := uint64(0); w+words <= uint64(len(a.free)); w += words {
		all := true
		for j := uint64(0); j < words; j++ {
			if a.free[w+j] != ^uint64(0) {
				all = false
				break
			}
		}
		if all {
			for j := uint64(0); j < words; j++ {
				a.free[w+j] = 0
			}
			a.nfree -= 512
			return w * 64 * PageSize, true
		}
	}
	return 0, false
}

// AllocContig returns the lowest run of n free frames, or ok == false.
// Device memory (DMA rings and buffers) needs physically contiguous
// frames.
//
//go:nosplit
func (a *Allocator) AllocContig(n uint64) (pa uint64, ok bool) {
	if n == 0 {
		return 0, false
	}
	run := uint64(0)
	for f := uint64(0); f < nframes; f++ {
		if a.free[f/64] == 0 && f%64 == 0 {
			run = 0
			f += 63
			continue
		}
		if a.free[f/64]&(1<<(f%64)) == 0 {
			run = 0
			continue
		}
		run++
		if run == n {
			start := f + 1 - n
			for g := start; g <= f; g++ {
				a.free[g/64] &^= 1 << (g % 64)
			}
			a.nfree -= n
			return start * PageSize, true
		}
	}
	return 0, false
}

// Free returns the frame at pa. Freeing a free frame is a broken invariant
// and is reported as false.
//
//go:nosplit
func (a *Allocator) Free(pa uint64) bool {
	f := pa / PageSize
	if pa%PageSize != 0 || pa >= MaxPhys || a.free[f/64]&(1<<(f%64)) != 0 {
		return false
	}
	a.free[f/64] |= 1 << (f % 64)
	a.nfree++
	return true
}

// NumFree returns the number of free frames.
//
//go:nosplit
func (a *Allocator) NumFree() uint64 { return a.nfree }
