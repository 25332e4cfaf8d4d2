package kernel

// Supervisor-only memory. The Go world runs in ring 3 and shares the
// address space with the kernel; what only the trap world uses and can be
// told apart by page is mapped without the user bit, so a stray or hostile
// write from Go code faults (SIGSEGV) instead of corrupting the kernel:
//
//   - the page tables (copied at boot from the image's boot tables into
//     frames of their own; later tables come from the frame allocator),
//   - the thread table (saved contexts, FXSAVE areas),
//   - the identity map of all RAM the frame allocator manages, so the
//     frames behind the Go heap and the tables cannot be reached through
//     their low alias, except DMA memory, boot modules and image segments,
//     which the Go world reads,
//   - the LAPIC page (its ID is read at boot for RouteGSI).
//
// The image itself stays user-accessible: the kernel package and the Go
// program are one binary, so the kernel's text is the Go world's text,
// and the linker interleaves the kernel's globals (kernel stack, IDT, GDT,
// TSS, frame bitmap) with the program's in .data and .bss. Trap world:
// //go:nosplit, no allocation.

// hardenMemory moves the thread table and the page tables to frames of
// their own and drops the user bit where described above. It runs once,
// from bootMain, after setupFrames.
//
//go:nosplit
func hardenMemory() {
	moveThreadTable()
	pml4 = copyTables(pml4)
	setupUserRAM()
	end := imageEnd()
	for i := 0; i < bootInfo.nmem; i++ {
		e := bootInfo.mem[i]
		if e.typ != 1 {
			continue
		}
		for _, r := range [...][2]uint64{{lowRAM, imageBase}, {end, identTop}} {
			lo, hi := max(e.addr, r[0]), min(e.addr+e.size, r[1])
			if lo < hi {
				setUser(lo&^(pageSize-1), (hi+pageSize-1)&^(pageSize-1), false)
			}
		}
	}
	for i := 0; i < imagePhnum(); i++ {
		if lo, hi, ok := imageLoad(i); ok && lo < imageBase {
			setUser(lo&^(pageSize-1), (hi+pageSize-1)&^(pageSize-1), true)
		}
	}
	for i := 0; i < bootInfo.nmods; i++ {
		m := &bootInfo.mods[i]
		setUser(m.addr&^(pageSize-1), (m.addr+m.size+pageSize-1)&^(pageSize-1), true)
	}
	setUser(lapicBase, lapicBase+hugeSize, false)
	writeCR3(uint64(pml4))
}

// moveThreadTable points threads at zeroed frames of its own (they lie in
// RAM the frame allocator manages, which hardenMemory maps
// supervisor-only).
//
//go:nosplit
func moveThreadTable() {
	n := (uint64(threadTableSize) + pageSize - 1) / pageSize
	pa, ok := phys.AllocContig(n)
	if !ok {
		kpanic("no memory for the thread table")
	}
	memclr(uintptr(pa), uintptr(n*pageSize))
	threads = threadTableAt(uintptr(pa))
}

// copyTables copies the page-table tree at root (the boot tables in the
// image) into fresh frames and returns the new root. Large-page entries
// are copied as they are.
//
//go:nosplit
func copyTables(root uintptr) uintptr {
	r := copyTable(root)
	for i := uintptr(0); i < 512; i++ {
		e3 := r + i*8
		v := load64(e3)
		if v&ptePresent == 0 {
			continue
		}
		p3 := copyTable(uintptr(v & pteAddrMask))
		store64(e3, uint64(p3)|v&^pteAddrMask)
		for j := uintptr(0); j < 512; j++ {
			e2 := p3 + j*8
			v := load64(e2)
			if v&ptePresent == 0 || v&pteHuge != 0 {
				continue
			}
			p2 := copyTable(uintptr(v & pteAddrMask))
			store64(e2, uint64(p2)|v&^pteAddrMask)
			for k := uintptr(0); k < 512; k++ {
				e1 := p2 + k*8
				v := load64(e1)
				if v&ptePresent == 0 || v&pteHuge != 0 {
					continue
				}
				store64(e1, uint64(copyTable(uintptr(v&pteAddrMask)))|v&^pteAddrMask)
			}
		}
	}
	return r
}

// copyTable copies one page-table page into a new frame.
//
//go:nosplit
func copyTable(src uintptr) uintptr {
	pa, ok := phys.Alloc()
	if !ok {
		kpanic("no memory for the page tables")
	}
	memcopy(uintptr(pa), src, pageSize)
	return uintptr(pa)
}

// setUser sets (user) or clears the user bit of the identity mapping of
// [start, end), both page-aligned and below 4 GiB: whole 2 MiB pages in
// place, others after splitting their 2 MiB page.
//
//go:nosplit
func setUser(start, end uint64, user bool) {
	for va := start; va < end; {
		blk := va &^ (hugeSize - 1)
		if pde := entry(va, 2, false); va == blk && end >= blk+hugeSize && pde != 0 && load64(pde)&pteHuge != 0 {
			store64(pde, userBit(load64(pde), user))
			flushTLB(uintptr(blk))
			va = blk + hugeSize
			continue
		}
		pte := entry(va, 1, true)
		if pte == 0 {
			kpanic("setUser: no frame to split a large page")
		}
		store64(pte, userBit(load64(pte), user))
		flushTLB(uintptr(va))
		va += pageSize
	}
}

//go:nosplit
func userBit(v uint64, user bool) uint64 {
	if user {
		return v | pteUser
	}
	return v &^ pteUser
}
