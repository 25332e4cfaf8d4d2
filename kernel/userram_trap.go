package kernel

// Frames the kernel reaches only through the process's own mappings
// (userRAM), never through the identity map: RAM above 4 GiB, and the
// tail of the image's BSS. The Go linker puts its largest zero-initialised
// variables there (crypto/internal/fips140/drbg keeps a 32 MiB scratch
// buffer that only FIPS 140-3 mode touches); Linux backs BSS on first
// touch, and so does this kernel for whole 2 MiB blocks past the kernel's
// own variables: the blocks are unmapped at boot, their frames serve
// demand-paged memory, and a touch of the BSS there maps a fresh zeroed
// frame (lazyBSSFault). Demand-paged memory takes these frames first and
// zeroes them through the new mapping, supervisor-only until clear
// (mapZeroed); page tables, DMA memory and the thread table need the
// identity map and come from phys. Trap world: //go:nosplit, no
// allocation.

import "github.com/ebbnode/ebbnode/kernel/internal/frames"

var (
	userRAM frames.Pool
	// lazyLo and lazyHi bound the image BSS blocks backed on first touch.
	lazyLo, lazyHi uint64
)

// setupUserRAM fills userRAM and unmaps the lazily backed BSS blocks from
// the identity map. It runs from hardenMemory on the new page tables,
// before they are loaded.
//
//go:nosplit
func setupUserRAM() {
	lo, hi := lazyBSS()
	top := hi
	for i := 0; i < bootInfo.nmem; i++ {
		if e := bootInfo.mem[i]; e.typ == 1 && e.addr+e.size > identTop && e.addr+e.size > top {
			top = e.addr + e.size
		}
	}
	base := lo
	if lo == hi {
		base = identTop
	}
	if top <= base {
		return
	}
	top = (top + hugeSize - 1) &^ (hugeSize - 1)
	words := (top - base) / pageSize / 64
	n := (words*8 + pageSize - 1) / pageSize
	pa, ok := phys.AllocContig(n)
	if !ok {
		kprint("ebbnode: no memory for the frame bitmap of RAM above 4 GiB and the image's BSS; left unused\n")
		return
	}
	userRAM.Init(base, physWords(uintptr(pa), int(words)))
	for i := 0; i < bootInfo.nmem; i++ {
		e := bootInfo.mem[i]
		if e.typ != 1 {
			continue
		}
		// The BSS blocks' frames that are RAM (the BSS may reach past the
		// VM's memory), and the RAM above 4 GiB.
		if b, t := max(e.addr, lo), min(e.addr+e.size, hi); b < t {
			userRAM.AddFree(b, t)
		}
		if e.addr+e.size > identTop {
			userRAM.AddFree(max(e.addr, identTop), e.addr+e.size)
		}
	}
	for blk := lo; blk < hi; blk += hugeSize {
		store64(entry(blk, 2, false), 0)
	}
	lazyLo, lazyHi = lo, hi
}

// lazyBSS returns the whole 2 MiB blocks of the image's BSS that lie past
// every kernel variable (kernelDataEnd) and clear of the boot modules;
// lo == hi when there are none.
//
//go:nosplit
func lazyBSS() (lo, hi uint64) {
	phoff := uintptr(load64(imageBase + 32))
	phentsize := uintptr(load32(imageBase+54) & 0xffff)
	phnum := int(load32(imageBase+56) & 0xffff)
	for i := 0; i < phnum; i++ {
		ph := imageBase + phoff + uintptr(i)*phentsize
		paddr, filesz, memsz := load64(ph+24), load64(ph+32), load64(ph+40)
		if load32(ph) == 1 && memsz > filesz && paddr+filesz > lo {
			lo, hi = paddr+filesz, paddr+memsz
		}
	}
	lo = (max(lo, uint64(kernelDataEnd())) + hugeSize - 1) &^ (hugeSize - 1)
	hi &^= hugeSize - 1
	for i := 0; i < bootInfo.nmods; i++ {
		if m := &bootInfo.mods[i]; m.addr < hi && m.addr+m.size > lo {
			return 0, 0
		}
	}
	if hi <= lo {
		return 0, 0
	}
	return lo, hi
}

// lazyBSSFault backs the page at addr in the lazily backed BSS with a
// zeroed frame; in either ring.
//
//go:nosplit
func lazyBSSFault(addr uint64) bool {
	pte := entry(addr, 1, true)
	if pte == 0 {
		oom()
	}
	if load64(pte)&ptePresent != 0 {
		return true // another CPU backed it first
	}
	f, ok := allocUserFrame()
	if !ok {
		oom()
	}
	mapZeroed(pte, f, addr&^(pageSize-1), pageSize, ptePresent|pteWrite|pteUser)
	mmStats.mapped++
	return true
}

// mapZeroed maps the n bytes of zeroed frame(s) at pa at va through the
// leaf entry e with flags. The other CPUs run ring 3 without trapLock and
// see an entry as soon as it is stored, so the user must not reach the
// frame before it is zero: a thread on another CPU writing the page (say,
// another span in the same 2 MiB block) while this CPU still clears it
// would see its write undone. A userRAM frame has no other mapping, so it
// is first mapped supervisor-only and cleared through that (the kernel's
// writes ignore the write bit: CR0.WP is clear); a user access meanwhile
// faults, waits for trapLock and then finds the page present (a retry,
// demandFault). Other frames are cleared through the identity map first.
//
//go:nosplit
func mapZeroed(e uintptr, pa, va, n, flags uint64) {
	if userRAM.Owns(pa) {
		store64(e, pa|flags&^pteUser)
		memclr(uintptr(va), uintptr(n))
		store64(e, pa|flags)
		invlpg(uintptr(va)) // this CPU's supervisor-only entry
		return
	}
	memclr(uintptr(pa), uintptr(n))
	store64(e, pa|flags)
}

// inLazyBSS reports whether addr lies in the lazily backed BSS.
//
//go:nosplit
func inLazyBSS(addr uint64) bool { return addr >= lazyLo && addr < lazyHi }

// allocUserFrame returns a frame for demand-paged memory (not zeroed:
// the caller zeroes it through its new mapping), from userRAM first,
// reclaiming lazily freed pages when both pools are empty.
//
//go:nosplit
func allocUserFrame() (uint64, bool) {
	for try := 0; try < 2; try++ {
		if pa, ok := userRAM.Alloc(); ok {
			return pa, true
		}
		if pa, ok := phys.Alloc(); ok {
			return pa, true
		}
		if try == 0 && reclaimLazy() == 0 {
			break
		}
	}
	return 0, false
}

// allocUser2M returns a 2 MiB run for a large demand page, userRAM first.
//
//go:nosplit
func allocUser2M() (uint64, bool) {
	if pa, ok := userRAM.Alloc2M(); ok {
		return pa, true
	}
	return phys.Alloc2M()
}

// releaseFrame returns a demand-paged frame to its pool.
//
//go:nosplit
func releaseFrame(pa uint64) bool {
	if userRAM.Owns(pa) {
		return userRAM.Free(pa)
	}
	return phys.Free(pa)
}

// freeFrames is the number of free frames in both pools.
//
//go:nosplit
func freeFrames() uint64 { return phys.NumFree() + userRAM.NumFree() }
