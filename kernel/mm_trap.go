package kernel

import (
	"github.com/ebbnode/ebbnode/kernel/internal/frames"
	"github.com/ebbnode/ebbnode/kernel/internal/vma"
	"github.com/ebbnode/ebbnode/libc"
)

// Virtual memory: the first 4 GiB are identity-mapped by the boot page
// tables (the image, the kernel's physical memory, MMIO); the process's
// mmap areas live above 4 GiB and are demand-paged from the frame
// allocator. Trap world: //go:nosplit, no allocation, state in fixed
// arrays reached through the identity map.

const (
	ptePresent  = 1 << 0
	pteWrite    = 1 << 1
	pteUser     = 1 << 2
	pteDirty    = 1 << 6
	pteHuge     = 1 << 7
	pteLazy     = 1 << 9 // available to software: MADV_FREE'd (see markLazy)
	pteAddrMask = 0x000ffffffffff000

	pageSize  = 4096
	identTop  = 4 << 30        // end of the identity map
	mmapBase  = 0x200000000000 // first address for mmaps without a usable hint
	userTop   = 0x7ffffffff000 // end of the user half
	imageBase = 0x200000       // must equal host/image.ImageBase
	exitOOM   = 0x7e           // isa-debug-exit code: out of physical memory
)

var (
	phys  frames.Allocator
	areas vma.List
	pml4  uintptr // physical = virtual address of the PML4
)

// allocZeroFrame returns a zeroed frame or ok == false. A frame freed
// earlier in this trap (unmapRange, before a split at the range's end) may
// still be cached in another CPU's TLB, so the shootdown comes first.
//
//go:nosplit
func allocZeroFrame() (uintptr, bool) {
	if tlbStale {
		shootdown()
	}
	pa, ok := phys.Alloc()
	if !ok && reclaimLazy() != 0 {
		pa, ok = phys.Alloc()
	}
	if !ok {
		return 0, false
	}
	memclr(uintptr(pa), pageSize)
	return uintptr(pa), true
}

// hugeSize is a large page; hugeMinFree keeps large pages from eating the
// last frames: below it, faults map 4 KiB pages only.
const (
	hugeSize    = 2 << 20
	hugeMinFree = 16 << 20 / pageSize
)

// flushTLB drops va's translation (INVLPG). A variable so that the host
// tests, which run this code in ring 3 over an ordinary buffer, can
// replace the privileged instruction.
var flushTLB = flushPage

// mmStats counts demand-paged mappings (for ebbnode.debug=mmap and the
// out-of-memory report): huge, small and splits are totals since boot,
// mapped the frames mapped now and reclaimed the MADV_FREE'd frames taken
// back under pressure.
var mmStats struct{ huge, small, splits, mapped, reclaimed uint64 }

// entry returns the address of va's entry in the page table at level
// (4 = PML4, 3 = PDPT, 2 = PD, 1 = PT), creating missing tables when
// create is set and splitting a large page in the way. It returns 0 when
// a table is missing (or no frame is left) and create is not set, or when
// a large page maps va and create is not set.
//
//go:nosplit
func entry(va uint64, level int, create bool) uintptr {
	table := pml4
	for l := 4; l > level; l-- {
		e := table + uintptr((va>>(12+9*uint(l-1)))&511)*8
		v := load64(e)
		switch {
		case v&ptePresent == 0:
			if !create {
				return 0
			}
			f, ok := allocZeroFrame()
			if !ok {
				return 0
			}
			v = uint64(f) | ptePresent | pteWrite | pteUser
			store64(e, v)
		case v&pteHuge != 0:
			if !create || l != 2 || !splitHuge(e, va) {
				return 0
			}
			v = load64(e)
		}
		table = uintptr(v & pteAddrMask)
	}
	return table + uintptr((va>>(12+9*uint(level-1)))&511)*8
}

// splitHuge replaces the 2 MiB mapping in PD entry e by a page table of
// 512 small pages over the same frames.
//
//go:nosplit
func splitHuge(e uintptr, va uint64) bool {
	v := load64(e)
	pt, ok := allocZeroFrame()
	if !ok {
		return false
	}
	base := v & pteAddrMask &^ (hugeSize - 1)
	flags := v & (ptePresent | pteWrite | pteUser)
	for i := uint64(0); i < 512; i++ {
		store64(pt+uintptr(i*8), (base+i*pageSize)|flags)
	}
	store64(e, uint64(pt)|ptePresent|pteWrite|pteUser)
	flushTLB(uintptr(va &^ (hugeSize - 1)))
	mmStats.splits++
	return true
}

// lookup returns the mapping of va: present, and writable.
//
//go:nosplit
func lookup(va uint64) (present, writable bool) {
	f := pageFlags(va)
	return f&ptePresent != 0, f&pteWrite != 0
}

// pageFlags returns va's effective present, write and user bits (each set
// only if set at every level), 0 when va is not mapped.
//
//go:nosplit
func pageFlags(va uint64) uint64 {
	table := pml4
	flags := uint64(ptePresent | pteWrite | pteUser)
	for l := 4; l >= 1; l-- {
		v := load64(table + uintptr((va>>(12+9*uint(l-1)))&511)*8)
		if v&ptePresent == 0 {
			return 0
		}
		flags &= v
		if l == 1 || v&pteHuge != 0 {
			return flags & (ptePresent | pteWrite | pteUser)
		}
		table = uintptr(v & pteAddrMask)
	}
	return 0
}

// unmapRange drops the mappings in [start, end) above the identity map and
// frees their frames. Missing tables are skipped whole; a large page only
// partly inside the range is split first.
//
//go:nosplit
func unmapRange(start, end uint64) {
	if start < identTop {
		start = identTop
	}
	for va := start &^ (pageSize - 1); va < end; {
		table := pml4
		next := uint64(0)
		for l := 4; l >= 2; l-- {
			span := uint64(1) << (12 + 9*uint(l-1))
			e := table + uintptr((va>>(12+9*uint(l-1)))&511)*8
			v := load64(e)
			if v&ptePresent == 0 {
				next = (va + span) &^ (span - 1)
				break
			}
			if v&pteHuge != 0 {
				blk := va &^ (hugeSize - 1)
				if blk >= start && blk+hugeSize <= end {
					store64(e, 0)
					flushTLB(uintptr(blk))
					base := v & pteAddrMask &^ (hugeSize - 1)
					freeHuge(base)
					next = blk + hugeSize
					break
				}
				if !splitHuge(e, va) {
					oom()
				}
				v = load64(e)
			}
			table = uintptr(v & pteAddrMask)
		}
		if next != 0 {
			va = next
			continue
		}
		pte := table + uintptr((va>>12)&511)*8
		if v := load64(pte); v&ptePresent != 0 {
			store64(pte, 0)
			flushTLB(uintptr(va))
			freeSmall(v & pteAddrMask)
		}
		va += pageSize
	}
}

// demandFault maps zeroed memory at addr if an area allows the access: a
// 2 MiB page when the whole aligned block is one writable area and memory
// is plentiful, else a 4 KiB page. It reports false for an access the
// areas do not allow; on exhausted physical memory it ends the machine
// with a clear message.
//
// Like userTrap it is not nosplit: it is reached from long nosplit chains
// (a signal frame's userAccessible) and starts long ones (page-table
// splits, reclaim); its stack check compares against the scratch g's zero
// guard, so it never calls morestack, and it restarts the linker's
// nosplit budget.
func demandFault(addr uint64, write bool) bool {
	if inLazyBSS(addr) {
		return lazyBSSFault(addr)
	}
	a, ok := areas.Find(addr)
	if !ok || a.Prot == 0 || (write && a.Prot&vma.ProtWrite == 0) {
		return false
	}
	if f := pageFlags(addr); f&ptePresent != 0 {
		// Present: either another CPU mapped it (or widened its
		// access) since this CPU faulted, which a retry serves, or a
		// protection fault.
		if f&pteUser != 0 && (!write || f&pteWrite != 0) {
			invlpg(uintptr(addr))
			return true
		}
		return false
	}
	blk := addr &^ (hugeSize - 1)
	if a.Prot&vma.ProtWrite != 0 && a.Start <= blk && a.End >= blk+hugeSize &&
		freeFrames() > hugeMinFree {
		if pde := entry(addr, 2, true); pde != 0 && load64(pde)&ptePresent == 0 {
			if pa, ok := allocUser2M(); ok {
				mapZeroed(pde, pa, blk, hugeSize, ptePresent|pteWrite|pteUser|pteHuge)
				mmStats.huge++
				mmStats.mapped += 512
				return true
			}
		}
	}
	pte := entry(addr, 1, true)
	if pte == 0 {
		oom()
	}
	f, ok := allocUserFrame()
	if !ok {
		oom()
	}
	flags := uint64(ptePresent | pteUser)
	if a.Prot&vma.ProtWrite != 0 {
		flags |= pteWrite
	}
	mapZeroed(pte, f, addr&^(pageSize-1), pageSize, flags)
	mmStats.small++
	mmStats.mapped++
	return true
}

// freeSmall returns a demand-paged 4 KiB frame.
//
//go:nosplit
func freeSmall(pa uint64) {
	if !releaseFrame(pa) {
		kpanic("unmapRange: freeing a free frame")
	}
	mmStats.mapped--
}

// freeHuge returns the 512 frames of a demand-paged 2 MiB page at base.
//
//go:nosplit
func freeHuge(base uint64) {
	for i := uint64(0); i < 512; i++ {
		if !releaseFrame(base + i*pageSize) {
			kpanic("unmapRange: freeing a free frame")
		}
	}
	mmStats.mapped -= 512
}

// userAccessible reports whether [addr, addr+n) can be read (or written)
// by the kernel on the process's behalf, faulting in demand pages: only
// memory the process could access itself (user pages), so kernel memory
// (the page tables, the thread table, the RAM behind the identity map: see
// hardenMemory) is rejected.
//
//go:nosplit
func userAccessible(addr, n uint64, write bool) bool {
	if n == 0 {
		return true
	}
	end := addr + n
	if end < addr || end > userTop || addr < pageSize {
		return false
	}
	for p := addr &^ (pageSize - 1); p < end; p += pageSize {
		f := pageFlags(p)
		if f&pteUser != 0 && (f&pteWrite != 0 || !write) {
			continue
		}
		if f != 0 || !demandFault(p, write) {
			return false
		}
	}
	return true
}

// sysMmap maps anonymous memory (file mappings: ENODEV); with
// ebbnode.debug=mmap it prints each call.
//
//go:nosplit
func sysMmap(_ *thread, a sysArgs) uint64 {
	ret := mmap(a[0], a[1], a[2], a[3])
	if debugMM {
		kprint("mmap(")
		kprintHex(a[0])
		kprint(", ")
		kprintHex(a[1])
		kprint(", ")
		kprintHex(a[2])
		kprint(", ")
		kprintHex(a[3])
		kprint(") = ")
		kprintHex(ret)
		kprint("\n")
	}
	return ret
}

// mmap makes an anonymous area; its pages come on first touch
// (demandFault). Hints at or above 4 GiB are honoured when the range is
// free (the runtime's arena hints from 0xc000000000); MAP_FIXED replaces
// what was there, MAP_FIXED_NOREPLACE fails with EEXIST; without a usable
// hint the area takes the lowest gap from mmapBase. ENOMEM when the area
// table is full.
//
//go:nosplit
func mmap(addr, length, prot, flags uint64) uint64 {
	if flags&libc.MapAnonymous == 0 {
		return errno(libc.ENODEV)
	}
	if length == 0 || length > userTop {
		return errno(libc.EINVAL)
	}
	length = (length + pageSize - 1) &^ (pageSize - 1)
	p := uint32(prot & (vma.ProtRead | vma.ProtWrite | vma.ProtExec))
	fixed := flags&(libc.MapFixed|libc.MapFixedNoreplace) != 0
	if fixed {
		if addr&(pageSize-1) != 0 || addr < identTop || addr+length > userTop {
			return errno(libc.EINVAL)
		}
		if flags&libc.MapFixedNoreplace != 0 && !areas.Free(addr, addr+length) {
			return errno(libc.EEXIST)
		}
		unmapRange(addr, addr+length)
	} else {
		addr &^= pageSize - 1
		if addr < identTop || addr+length > userTop || !areas.Free(addr, addr+length) {
			var ok bool
			addr, ok = areas.FindGap(mmapBase, userTop, length)
			if !ok {
				return errno(libc.ENOMEM)
			}
		}
	}
	if !areas.Set(addr, addr+length, p) {
		areaTableFull()
		return errno(libc.ENOMEM)
	}
	return addr
}

// areaTableFull names the limit behind an mmap's ENOMEM, on which the Go
// runtime ends the process with its own "out of memory".
//
//go:nosplit
func areaTableFull() {
	kprint("ebbnode: out of memory: limit hit: the kernel's area table (")
	kprintDec(vma.Max)
	kprint(" mmap areas); free memory ")
	kprintDec(freeFrames() * pageSize >> 20)
	kprint(" MiB\n")
}

//go:nosplit
func sysMunmap(_ *thread, a sysArgs) uint64 { return munmap(a[0], a[1]) }

// munmap frees the range's frames and forgets its areas.
//
//go:nosplit
func munmap(addr, length uint64) uint64 {
	if addr&(pageSize-1) != 0 || length == 0 {
		return errno(libc.EINVAL)
	}
	end := (addr + length + pageSize - 1) &^ (pageSize - 1)
	if addr < identTop {
		return errno(libc.EINVAL)
	}
	unmapRange(addr, end)
	if !areas.Remove(addr, end) {
		return errno(libc.ENOMEM)
	}
	return 0
}

//go:nosplit
func sysMadvise(_ *thread, a sysArgs) uint64 { return madvise(a[0], a[1], a[2]) }

// madvise: DONTNEED drops the pages (they read back zero); FREE drops
// them when free memory is short (see lazyFreeMinFree), else marks them
// for reclaimLazy; other advice is ignored.
//
//go:nosplit
func madvise(addr, length, advice uint64) uint64 {
	if addr&(pageSize-1) != 0 {
		return errno(libc.EINVAL)
	}
	end := (addr + length + pageSize - 1) &^ (pageSize - 1)
	switch {
	case advice == libc.MadvDontneed,
		advice == libc.MadvFree && freeFrames() < lazyFreeMinFree:
		unmapRange(addr, end)
	case advice == libc.MadvFree:
		markLazy(addr, end)
	}
	return 0
}

// lazyFreeMinFree is the free memory (in frames) above which MADV_FREE
// keeps the pages, as Linux does until memory runs short: the range may
// read back its old contents or zeros, which is all MADV_FREE promises
// (the Go runtime, which uses it to return scavenged heap, expects
// either). Freeing at once split 2 MiB heap pages and made the runtime
// fault the same memory back in 4 KiB at a time (thousands of faults per
// benchmark run).
const lazyFreeMinFree = 32 << 20 / pageSize

//go:nosplit
func sysMprotect(_ *thread, a sysArgs) uint64 { return mprotect(a[0], a[1], a[2]) }

// mprotect records the new protection of a mapped range for later faults;
// pages already present keep their access (limit).
//
//go:nosplit
func mprotect(addr, length, prot uint64) uint64 {
	if addr&(pageSize-1) != 0 || addr < identTop {
		return errno(libc.EINVAL)
	}
	end := (addr + length + pageSize - 1) &^ (pageSize - 1)
	for p := addr; p < end; {
		a, ok := areas.Find(p)
		if !ok {
			return errno(libc.ENOMEM)
		}
		p = a.End
	}
	if !areas.Set(addr, end, uint32(prot&7)) {
		return errno(libc.ENOMEM)
	}
	return 0
}
