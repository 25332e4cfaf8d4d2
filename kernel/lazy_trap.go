package kernel

// Lazily freed memory (MADV_FREE) and its reclaim. While memory is
// plentiful madvise(MADV_FREE) keeps the pages mapped but marks them
// (pteLazy) and clears their dirty bit; when a fault finds no free frame,
// reclaimLazy takes back every marked page the program has not written
// since, as Linux does: such a page may read back its old contents or
// zeros, and a write cancels the free. Trap world: //go:nosplit, no
// allocation.

// markLazy marks the mapped pages in [start, end) as freeable. A 2 MiB
// page only partly inside the range is left alone: splitting it would cost
// a frame and the large page.
//
//go:nosplit
func markLazy(start, end uint64) {
	lazyWalk(start, end, false)
}

// reclaimLazy frees the marked pages not written since they were marked,
// in every area, and returns the number of frames it freed.
//
// Like userTrap it is not nosplit: it runs at the end of a long nosplit
// chain (a signal frame's userAccessible, a fault, a page-table split),
// and its stack check compares against the scratch g's zero guard, so it
// never calls morestack; it restarts the linker's nosplit budget.
func reclaimLazy() uint64 {
	n := uint64(0)
	for i := 0; i < areas.Len(); i++ {
		a := areas.At(i)
		n += lazyWalk(a.Start, a.End, true)
	}
	mmStats.reclaimed += n
	if tlbStale {
		shootdown() // no CPU may write a freed frame once it is reused
	}
	return n
}

// lazyWalk visits the leaf mappings wholly inside [start, end) above the
// identity map, skipping missing tables whole. Marking (reclaim false)
// sets pteLazy and clears the dirty bit; reclaiming unmaps the marked,
// clean pages (and unmarks the written ones) and returns the frames
// freed.
//
//go:nosplit
func lazyWalk(start, end uint64, reclaim bool) uint64 {
	if start < identTop {
		start = identTop
	}
	freed := uint64(0)
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
				next = (va &^ (hugeSize - 1)) + hugeSize
				if va&(hugeSize-1) == 0 && next <= end && lazyLeaf(e, va, reclaim) {
					freeHuge(v & pteAddrMask &^ (hugeSize - 1))
					freed += 512
				}
				break
			}
			table = uintptr(v & pteAddrMask)
		}
		if next != 0 {
			va = next
			continue
		}
		pte := table + uintptr((va>>12)&511)*8
		if v := load64(pte); v&ptePresent != 0 && lazyLeaf(pte, va, reclaim) {
			freeSmall(v & pteAddrMask)
			freed++
		}
		va += pageSize
	}
	return freed
}

// lazyLeaf marks the present leaf entry e (mapping va), or when reclaiming
// clears it if it is marked and clean; it reports whether the caller must
// free the entry's frames.
//
//go:nosplit
func lazyLeaf(e uintptr, va uint64, reclaim bool) bool {
	v := load64(e)
	switch {
	case !reclaim:
		store64(e, (v|pteLazy)&^pteDirty)
	case v&pteLazy == 0:
		return false
	case v&pteDirty != 0:
		store64(e, v&^pteLazy) // written since: live again
		return false
	case !cas64(e, v, 0):
		// Another CPU wrote the page since the load: the hardware set
		// the dirty bit, and a plain store would drop the entry and
		// its new contents with it. The write cancels the free.
		store64(e, load64(e)&^pteLazy)
		return false
	}
	// The TLB may hold the old entry: a cached dirty translation would
	// let writes through without setting the bit again.
	flushTLB(uintptr(va))
	return reclaim
}

// oom ends the machine when a demand-paged fault finds no frame even after
// reclaimLazy: the Go runtime cannot recover from a fault it did not
// expect, so this is the clearest outcome. It names the limit that was
// hit (the VM's RAM) and the figures that tell why: the RAM the kernel
// manages, the Go heap's soft limit it gave the runtime, the memory the
// process has mapped now (the Go heap, stacks and runtime metadata) and
// what reclaim took back.
//
//go:nosplit
func oom() {
	kprint("ebbnode: out of memory: no physical frame for a demand-paged fault; free frames: ")
	kprintDec(freeFrames())
	kprint("\nebbnode: out of memory: limit hit: the VM's RAM (")
	kprintDec(ramBytes >> 20)
	kprint(" MiB, raise it with --memory); process memory mapped ")
	kprintDec(mmStats.mapped * pageSize >> 20)
	kprint(" MiB, Go heap soft limit (GOMEMLIMIT) ")
	kprintDec(memLimit >> 20)
	kprint(" MiB, reclaimed from MADV_FREE ")
	kprintDec(mmStats.reclaimed * pageSize >> 20)
	kprint(" MiB\n")
	machineExit(exitOOM)
}
