package frames

// Pool tracks free frames in one span of physical memory, [base, base +
// 64*PageSize*len(bits)), with a bitmap the caller provides (a set bit
// means free), so it can cover memory above MaxPhys. The kernel uses it
// for frames it reaches only through the mappings it makes for the
// process, never through the identity map. Like Allocator it never
// allocates and every method is //go:nosplit.
type Pool struct {
	base  uint64
	bits  []uint64
	nfree uint64
}

// Init makes the pool cover frames from base (2 MiB-aligned) with bits,
// every frame used.
//
//go:nosplit
func (p *Pool) Init(base uint64, bits []uint64) {
	for i := range bits {
		bits[i] = 0
	}
	p.base, p.bits, p.nfree = base, bits, 0
}

// Owns reports whether pa lies in the pool's span.
//
//go:nosplit
func (p *Pool) Owns(pa uint64) bool {
	return pa >= p.base && (pa-p.base)/PageSize < uint64(len(p.bits))*64
}

// AddFree marks the frames wholly inside [start, end) and in the span free.
//
//go:nosplit
func (p *Pool) AddFree(start, end uint64) {
	start = (start + PageSize - 1) &^ (PageSize - 1)
	end &^= PageSize - 1
	for pa := start; pa < end; pa += PageSize {
		if !p.Owns(pa) {
			continue
		}
		f := (pa - p.base) / PageSize
		if p.bits[f/64]&(1<<(f%64)) == 0 {
			p.bits[f/64] |= 1 << (f % 64)
			p.nfree++
		}
	}
}

// Alloc returns a free frame, from the top of the span down (so that
// single frames do not break up the 2 MiB runs Alloc2M takes from the
// bottom), or ok == false.
//
//go:nosplit
func (p *Pool) Alloc() (pa uint64, ok bool) {
	if p.nfree == 0 {
		return 0, false
	}
	for w := len(p.bits) - 1; w >= 0; w-- {
		if x := p.bits[w]; x != 0 {
			bit := uint64(63)
			for x&(1<<bit) == 0 {
				bit--
			}
			p.bits[w] &^= 1 << bit
			p.nfree--
			return p.base + (uint64(w)*64+bit)*PageSize, true
		}
	}
	return 0, false
}

// Alloc2M returns a free, 2 MiB-aligned run of 512 frames, or ok == false.
//
//go:nosplit
func (p *Pool) Alloc2M() (pa uint64, ok bool) {
	const words = 512 / 64
	if p.nfree < 512 {
		return 0, false
	}
	for w := 0; w+words <= len(p.bits); w += words {
		all := true
		for j := 0; j < words; j++ {
			if p.bits[w+j] != ^uint64(0) {
				all = false
				break
			}
		}
		if all {
			for j := 0; j < words; j++ {
				p.bits[w+j] = 0
			}
			p.nfree -= 512
			return p.base + uint64(w)*64*PageSize, true
		}
	}
	return 0, false
}

// Free returns the frame at pa; freeing a free frame or one outside the
// span reports false.
//
//go:nosplit
func (p *Pool) Free(pa uint64) bool {
	if pa%PageSize != 0 || !p.Owns(pa) {
		return false
	}
	f := (pa - p.base) / PageSize
	if p.bits[f/64]&(1<<(f%64)) != 0 {
		return false
	}
	p.bits[f/64] |= 1 << (f % 64)
	p.nfree++
	return true
}

// NumFree returns the number of free frames.
//
//go:nosplit
func (p *Pool) NumFree() uint64 { return p.nfree }
