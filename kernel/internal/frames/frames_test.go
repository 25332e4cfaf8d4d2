package frames

import "testing"

func TestAllocFree(t *testing.T) {
	a := new(Allocator)
	if _, ok := a.Alloc(); ok {
		t.Fatal("empty allocator gave a frame")
	}
	a.AddFree(0x100000+1, 0x108000) // partial first frame is not free
	if got := a.NumFree(); got != 7 {
		t.Fatalf("NumFree = %d, want 7", got)
	}
	a.Reserve(0x103000, 0x104001) // two frames
	if got := a.NumFree(); got != 5 {
		t.Fatalf("NumFree after Reserve = %d, want 5", got)
	}
	seen := map[uint64]bool{}
	for i := 0; i < 5; i++ {
		pa, ok := a.Alloc()
		if !ok {
			t.Fatalf("Alloc %d failed", i)
		}
		if pa < 0x101000 || pa >= 0x108000 || pa == 0x103000 || pa == 0x104000 || seen[pa] {
			t.Fatalf("Alloc gave %#x", pa)
		}
		seen[pa] = true
	}
	if _, ok := a.Alloc(); ok {
		t.Fatal("Alloc beyond free frames succeeded")
	}
	if !a.Free(0x105000) {
		t.Fatal("Free of a used frame failed")
	}
	if a.Free(0x105000) {
		t.Fatal("double Free succeeded")
	}
	if pa, ok := a.Alloc(); !ok || pa != 0x105000 {
		t.Fatalf("Alloc after Free = %#x, %v", pa, ok)
	}
}

func TestAllocTopDown(t *testing.T) {
	a := new(Allocator)
	a.AddFree(0x400000, 0x1000000)
	if pa, ok := a.Alloc(); !ok || pa != 0xfff000 {
		t.Fatalf("first Alloc = %#x, want the top frame 0xfff000", pa)
	}
	if pa, ok := a.Alloc2M(); !ok || pa != 0x400000 {
		t.Fatalf("Alloc2M = %#x, want the lowest run 0x400000", pa)
	}
}

func TestAlloc2M(t *testing.T) {
	a := new(Allocator)
	a.AddFree(0x300000, 0x800000) // one aligned 2 MiB run: 0x400000-0x600000, and 0x600000-0x800000
	a.Reserve(0x500000, 0x501000)
	pa, ok := a.Alloc2M()
	if !ok || pa != 0x600000 {
		t.Fatalf("Alloc2M = %#x, %v; want 0x600000", pa, ok)
	}
	if _, ok := a.Alloc2M(); ok {
		t.Fatal("second Alloc2M succeeded")
	}
	if got, want := a.NumFree(), uint64((0x600000-0x300000)/PageSize-1); got != want {
		t.Fatalf("NumFree = %d, want %d", got, want)
	}
}

func TestAllocContig(t *testing.T) {
	a := new(Allocator)
	a.AddFree(0x100000, 0x110000) // 16 frames
	a.Reserve(0x103000, 0x104000) // hole at frame 3
	if pa, ok := a.AllocContig(4); !ok || pa != 0x104000 {
		t.Fatalf("AllocContig(4) = %#x, %v; want 0x104000 (after the hole)", pa, ok)
	}
	if pa, ok := a.AllocContig(3); !ok || pa != 0x100000 {
		t.Fatalf("AllocContig(3) = %#x, %v; want 0x100000", pa, ok)
	}
	if _, ok := a.AllocContig(9); ok {
		t.Fatal("AllocContig(9) succeeded with 8 contiguous frames left")
	}
	if pa, ok := a.AllocContig(8); !ok || pa != 0x108000 {
		t.Fatalf("AllocContig(8) = %#x, %v", pa, ok)
	}
	if a.NumFree() != 0 {
		t.Fatalf("NumFree = %d, want 0", a.NumFree())
	}
}

func TestPool(t *testing.T) {
	var p Pool
	const base = 5 << 30 // above MaxPhys
	p.Init(base, make([]uint64, 3*512/64))
	if _, ok := p.Alloc(); ok {
		t.Fatal("empty pool gave a frame")
	}
	p.AddFree(base+0x1000, base+3*0x200000+0x5000) // past the span: ignored
	if got := p.NumFree(); got != 3*512-1 {
		t.Fatalf("NumFree = %d, want %d", got, 3*512-1)
	}
	if pa, ok := p.Alloc(); !ok || pa != base+3*0x200000-0x1000 {
		t.Fatalf("Alloc = %#x, %v; want the top frame", pa, ok)
	}
	if pa, ok := p.Alloc2M(); !ok || pa != base+0x200000 {
		t.Fatalf("Alloc2M = %#x, %v; want the first whole run at base+2M", pa, ok)
	}
	if _, ok := p.Alloc2M(); ok {
		t.Fatal("second Alloc2M succeeded with no whole run left")
	}
	if !p.Free(base+0x200000) || p.Free(base+0x200000) || p.Free(base-0x1000) || p.Owns(base+3*0x200000) {
		t.Fatal("Free/Owns: double free or a frame outside the span accepted")
	}
	if !p.Owns(base) || !p.Owns(base+3*0x200000-0x1000) {
		t.Fatal("Owns rejects the span's ends")
	}
}

// TestAddFreeWords checks the word-at-a-time path of AddFree against a
// frame count: unaligned ends, and a second range overlapping the first
// (its already free frames are not counted twice).
func TestAddFreeWords(t *testing.T) {
	a := new(Allocator)
	a.AddFree(0x3000, 0x1234000)   // frames 3 .. 0x1233
	a.AddFree(0x1000, 0x2000000+1) // frames 1 .. 0x1fff
	if want := uint64(0x2000 - 1); a.nfree != want {
		t.Fatalf("nfree = %#x, want %#x", a.nfree, want)
	}
	for f := uint64(0); f < 0x2100; f++ {
		free := a.free[f/64]&(1<<(f%64)) != 0
		if want := f >= 1 && f < 0x2000; free != want {
			t.Fatalf("frame %#x free = %v, want %v", f, free, want)
		}
	}
}
