package kernel

import (
	"syscall"
	"testing"

	"github.com/ebbnode/ebbnode/kernel/internal/frames"
	"github.com/ebbnode/ebbnode/kernel/internal/vma"
	"github.com/ebbnode/ebbnode/libc"
)

// The memory code runs here on the host, in ring 3, over a buffer mapped
// below 4 GiB that stands in for physical memory: page tables and frames
// are reached by address exactly as in the guest's identity map.

const testPhysSize = 48 << 20

func setupMM(t *testing.T) (base uint64) {
	t.Helper()
	var err error
	for _, addr := range []uintptr{0x40000000, 0x60000000, 0x80000000, 0xa0000000} {
		b, _, errno := syscall.Syscall6(syscall.SYS_MMAP, addr, testPhysSize,
			syscall.PROT_READ|syscall.PROT_WRITE,
			syscall.MAP_PRIVATE|syscall.MAP_ANONYMOUS|libc.MapFixedNoreplace, ^uintptr(0), 0)
		if errno == 0 && b == addr {
			base = uint64(b)
			break
		}
		err = errno
	}
	if base == 0 {
		t.Fatalf("cannot map the stand-in physical memory below 4 GiB: %v", err)
	}
	t.Cleanup(func() { syscall.Syscall(syscall.SYS_MUNMAP, uintptr(base), testPhysSize, 0) })
	flushTLB = func(uintptr) {}
	phys = frames.Allocator{}
	areas = vma.List{}
	mmStats = struct{ huge, small, splits, mapped, reclaimed uint64 }{}
	phys.AddFree(base, base+testPhysSize)
	f, ok := allocZeroFrame()
	if !ok {
		t.Fatal("no frame for the PML4")
	}
	pml4 = f
	return base
}

// physOf translates va through the page tables built by the code under test.
func physOf(t *testing.T, va uint64) uint64 {
	t.Helper()
	table := pml4
	for l := 4; l >= 1; l-- {
		v := load64(table + uintptr((va>>(12+9*uint(l-1)))&511)*8)
		if v&ptePresent == 0 {
			t.Fatalf("%#x not mapped at level %d", va, l)
		}
		if v&pteHuge != 0 {
			return v&pteAddrMask&^(hugeSize-1) | va&(hugeSize-1)
		}
		if l == 1 {
			return v&pteAddrMask | va&(pageSize-1)
		}
		table = uintptr(v & pteAddrMask)
	}
	return 0
}

func TestMmapHintFixedAndDemandPaging(t *testing.T) {
	setupMM(t)
	const hint = 0xc000000000
	if got := mmap(hint, 64<<20, 0, libc.MapPrivate|libc.MapAnonymous); got != hint {
		t.Fatalf("reservation at the hint = %#x, want %#x", got, hint)
	}
	if demandFault(hint, false) {
		t.Fatal("a PROT_NONE reservation was paged in")
	}
	rw := uint64(libc.ProtRead | libc.ProtWrite)
	fixed := uint64(libc.MapPrivate | libc.MapAnonymous | libc.MapFixed)
	if got := mmap(hint, 4<<20, rw, fixed); got != hint {
		t.Fatalf("MAP_FIXED commit = %#x", got)
	}
	if got := mmap(hint, pageSize, rw, libc.MapPrivate|libc.MapAnonymous|libc.MapFixedNoreplace); got != errno(libc.EEXIST) {
		t.Fatalf("MAP_FIXED_NOREPLACE over a mapping = %#x, want EEXIST", got)
	}
	free0 := phys.NumFree()

	// A whole writable 2 MiB block gets a large page.
	if !demandFault(hint+0x1234, true) {
		t.Fatal("fault in a RW mapping was refused")
	}
	if mmStats.huge != 1 {
		t.Fatalf("large pages = %d, want 1", mmStats.huge)
	}
	pa := physOf(t, hint+0x1234)
	store8(uintptr(pa), 0xAB)
	if present, w := lookup(hint + 0x1fffff); !present || !w {
		t.Fatal("the rest of the large page is not mapped writable")
	}

	// MADV_DONTNEED of one page splits the large page; the page reads back zero.
	if r := madvise(hint+0x1000, pageSize, libc.MadvDontneed); r != 0 {
		t.Fatalf("madvise = %#x", r)
	}
	if mmStats.splits != 1 {
		t.Fatalf("splits = %d, want 1", mmStats.splits)
	}
	if present, _ := lookup(hint + 0x1000); present {
		t.Fatal("MADV_DONTNEED left the page mapped")
	}
	if present, _ := lookup(hint + 0x2000); !present {
		t.Fatal("the split unmapped a neighbour")
	}
	if !demandFault(hint+0x1234, true) {
		t.Fatal("re-fault refused")
	}
	if v := load8(uintptr(physOf(t, hint+0x1234))); v != 0 {
		t.Fatalf("page after MADV_DONTNEED reads %#x, want 0", v)
	}

	// munmap gives every data frame back (page tables stay).
	if r := munmap(hint, 64<<20); r != 0 {
		t.Fatalf("munmap = %#x", r)
	}
	tables := uint64(3) // PDPT and PD for the first fault, PT from the split
	if got := phys.NumFree(); got+tables != free0 {
		t.Fatalf("free frames after munmap = %d, want %d", got, free0-tables)
	}
	if demandFault(hint, false) {
		t.Fatal("fault after munmap was served")
	}
}

func TestSmallPagesAndProtection(t *testing.T) {
	setupMM(t)
	anon := uint64(libc.MapPrivate | libc.MapAnonymous)
	ro := mmap(0, 3*pageSize, libc.ProtRead, anon)
	if ro < mmapBase || ro >= userTop {
		t.Fatalf("mmap without a hint = %#x, want an address from %#x", ro, uint64(mmapBase))
	}
	if demandFault(ro, true) {
		t.Fatal("write fault in a read-only mapping was served")
	}
	if !demandFault(ro, false) || mmStats.small != 1 || mmStats.huge != 0 {
		t.Fatalf("read fault: small=%d huge=%d, want one small page", mmStats.small, mmStats.huge)
	}
	if present, w := lookup(ro); !present || w {
		t.Fatal("read-only page mapped writable")
	}
	if userAccessible(ro, 8, true) {
		t.Fatal("kernel would write a read-only page")
	}
	if !userAccessible(ro+pageSize, 2*pageSize, false) {
		t.Fatal("readable range refused")
	}
	if userAccessible(0, 8, false) || userAccessible(ro+3*pageSize, 8, false) {
		t.Fatal("page 0 or an unmapped page accepted")
	}
	if got := mmap(0, 0, libc.ProtRead, anon); got != errno(libc.EINVAL) {
		t.Fatalf("zero-length mmap = %#x, want EINVAL", got)
	}
	if got := mmap(0, pageSize, libc.ProtRead, libc.MapPrivate); got != errno(libc.ENODEV) {
		t.Fatalf("file mmap = %#x, want ENODEV", got)
	}
}

func TestSmallPagesWhenMemoryIsTight(t *testing.T) {
	base := setupMM(t)
	// Leave less than hugeMinFree frames.
	phys.Reserve(base, base+testPhysSize-hugeMinFree*pageSize)
	const addr = 0xc000000000
	mmap(addr, hugeSize, libc.ProtRead|libc.ProtWrite, libc.MapPrivate|libc.MapAnonymous|libc.MapFixed)
	if !demandFault(addr, true) || mmStats.huge != 0 || mmStats.small != 1 {
		t.Fatalf("tight memory: huge=%d small=%d, want a small page", mmStats.huge, mmStats.small)
	}
}

// MADV_FREE keeps the pages (and so the large page) while memory is
// plentiful, and frees them once free memory drops below lazyFreeMinFree.
func TestMadvFreeIsLazyUntilMemoryIsShort(t *testing.T) {
	base := setupMM(t)
	const addr = 0xc000000000
	mmap(addr, 2*hugeSize, libc.ProtRead|libc.ProtWrite, libc.MapPrivate|libc.MapAnonymous|libc.MapFixed)
	if !demandFault(addr, true) || mmStats.huge != 1 {
		t.Fatalf("first fault: huge=%d, want a large page", mmStats.huge)
	}
	if phys.NumFree() < lazyFreeMinFree {
		t.Fatalf("test setup: %d free frames, want at least %d", phys.NumFree(), lazyFreeMinFree)
	}
	free0 := phys.NumFree()
	if r := madvise(addr+pageSize, pageSize, libc.MadvFree); r != 0 {
		t.Fatalf("madvise(MADV_FREE) = %#x", r)
	}
	if present, _ := lookup(addr + pageSize); !present || mmStats.splits != 0 || phys.NumFree() != free0 {
		t.Fatalf("MADV_FREE with plenty of memory: present %v, splits %d, free %d (was %d); want the page kept", present, mmStats.splits, phys.NumFree(), free0)
	}

	// Leave less than lazyFreeMinFree frames: now MADV_FREE frees.
	phys.Reserve(base, base+testPhysSize-(lazyFreeMinFree-1024)*pageSize)
	if phys.NumFree() >= lazyFreeMinFree {
		t.Fatalf("test setup: %d free frames, want fewer than %d", phys.NumFree(), lazyFreeMinFree)
	}
	if r := madvise(addr, hugeSize, libc.MadvFree); r != 0 {
		t.Fatalf("madvise(MADV_FREE) = %#x", r)
	}
	if present, _ := lookup(addr + pageSize); present {
		t.Fatal("MADV_FREE with memory short left the page mapped")
	}
}

// MADV_FREE'd pages kept while memory was plentiful are taken back when a
// fault finds no free frame, except those written since (dirty again).
func TestMadvFreeReclaimedUnderPressure(t *testing.T) {
	base := setupMM(t)
	const addr = 0xc000000000
	rw := uint64(libc.ProtRead | libc.ProtWrite)
	fixed := uint64(libc.MapPrivate | libc.MapAnonymous | libc.MapFixed)
	mmap(addr, 2*hugeSize, rw, fixed)
	small := uint64(addr + 2*hugeSize)
	mmap(small, pageSize, rw, fixed) // too small for a large page
	for _, va := range []uint64{addr, addr + hugeSize, small} {
		if !demandFault(va, true) {
			t.Fatalf("fault at %#x failed", va)
		}
	}
	if mmStats.huge != 2 || mmStats.small != 1 {
		t.Fatalf("setup: huge=%d small=%d, want 2 and 1", mmStats.huge, mmStats.small)
	}
	madvise(addr, 2*hugeSize, libc.MadvFree)
	madvise(small, pageSize, libc.MadvFree)
	for _, va := range []uint64{addr, addr + hugeSize, small} {
		if present, _ := lookup(va); !present {
			t.Fatalf("MADV_FREE with plenty of memory dropped %#x", va)
		}
	}
	// The program writes the second large page again: the CPU would set
	// its dirty bit.
	pde := entry(addr+hugeSize, 2, false)
	store64(pde, load64(pde)|pteDirty)

	phys.Reserve(base, base+testPhysSize) // no free frame left
	const next = addr + 3*hugeSize        // needs a page table and a frame
	mmap(next, pageSize, rw, fixed)
	if !demandFault(next, true) {
		t.Fatal("fault with every frame used failed")
	}
	if mmStats.reclaimed != 513 {
		t.Errorf("reclaimed %d frames, want 513 (the clean large page and the small page)", mmStats.reclaimed)
	}
	for va, want := range map[uint64]bool{addr: false, small: false, addr + hugeSize: true, next: true} {
		if present, _ := lookup(va); present != want {
			t.Errorf("after reclaim %#x present=%v, want %v", va, present, want)
		}
	}
	if v := load64(pde); v&pteLazy != 0 {
		t.Error("the written large page is still marked lazily freed")
	}
}
