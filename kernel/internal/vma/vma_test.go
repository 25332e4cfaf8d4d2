package vma

import (
	"reflect"
	"testing"
)

func areas(l *List) []Area {
	var out []Area
	for i := 0; i < l.Len(); i++ {
		out = append(out, l.At(i))
	}
	return out
}

func TestSetRemoveMerge(t *testing.T) {
	var l List
	const base = 0xc000000000
	l.Set(base, base+0x400000, 0) // reservation
	l.Set(base+0x100000, base+0x200000, ProtRead|ProtWrite)
	l.Set(base+0x200000, base+0x300000, ProtRead|ProtWrite) // merges with previous
	want := []Area{
		{base, base + 0x100000, 0},
		{base + 0x100000, base + 0x300000, 3},
		{base + 0x300000, base + 0x400000, 0},
	}
	if got := areas(&l); !reflect.DeepEqual(got, want) {
		t.Fatalf("after Set: %x, want %x", got, want)
	}
	if a, ok := l.Find(base + 0x2fffff); !ok || a.Prot != 3 {
		t.Fatalf("Find = %v, %v", a, ok)
	}
	if _, ok := l.Find(base + 0x400000); ok {
		t.Fatal("Find past the end succeeded")
	}
	l.Remove(base+0x180000, base+0x190000) // split
	if got := len(areas(&l)); got != 4 {
		t.Fatalf("after split: %d areas, want 4: %x", got, areas(&l))
	}
	if _, ok := l.Find(base + 0x180000); ok {
		t.Fatal("removed address still mapped")
	}
	l.Set(base, base+0x400000, 0) // overwrite everything: one area again
	if got := areas(&l); !reflect.DeepEqual(got, []Area{{base, base + 0x400000, 0}}) {
		t.Fatalf("after overwrite: %x", got)
	}
	l.Remove(0, 1<<47)
	if l.Len() != 0 {
		t.Fatalf("Remove all left %d areas", l.Len())
	}
}

func TestFindGap(t *testing.T) {
	var l List
	l.Set(0x1000, 0x3000, 3)
	l.Set(0x4000, 0x5000, 3)
	if a, ok := l.FindGap(0x1000, 0x10000, 0x1000); !ok || a != 0x3000 {
		t.Fatalf("FindGap = %#x, %v; want 0x3000", a, ok)
	}
	if a, ok := l.FindGap(0x1000, 0x10000, 0x2000); !ok || a != 0x5000 {
		t.Fatalf("FindGap(2 pages) = %#x, %v; want 0x5000", a, ok)
	}
	if _, ok := l.FindGap(0x1000, 0x6000, 0x2000); ok {
		t.Fatal("FindGap past limit succeeded")
	}
	if !l.Free(0x3000, 0x4000) || l.Free(0x2000, 0x4000) {
		t.Fatal("Free is wrong")
	}
}

func TestFull(t *testing.T) {
	var l List
	for i := uint64(0); i < Max-1; i++ {
		if !l.Set(i*0x2000, i*0x2000+0x1000, 3) {
			t.Fatalf("Set %d failed", i)
		}
	}
	if l.Set(Max*0x2000, Max*0x2000+0x1000, 3) {
		t.Fatal("Set on a full list succeeded")
	}
}
