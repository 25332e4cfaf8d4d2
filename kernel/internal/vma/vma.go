// Package vma keeps a process's virtual memory areas: sorted,
// non-overlapping [Start, End) ranges with their protection. It stores
// them in a fixed array and never allocates, so it is safe in the trap
// world: every method is //go:nosplit.
package vma

// Protection bits, as in mmap's prot.
const (
	ProtRead  = 1
	ProtWrite = 2
	ProtExec  = 4
)

// Max is the number of areas a List can hold.
const Max = 512

// Area is one mapped range. Prot == 0 is a reservation (PROT_NONE): the
// range is taken but any access faults.
type Area struct {
	Start, End uint64
	Prot       uint32
}

// List is the sorted area list.
type List struct {
	a [Max]Area
	n int
}

// Len returns the number of areas.
//
//go:nosplit
func (l *List) Len() int { return l.n }

// At returns area i.
//
//go:nosplit
func (l *List) At(i int) Area { return l.a[i] }

// Find returns the area containing addr.
//
//go:nosplit
func (l *List) Find(addr uint64) (Area, bool) {
	lo, hi := 0, l.n
	for lo < hi {
		m := (lo + hi) / 2
		switch {
		case addr < l.a[m].Start:
			hi = m
		case addr >= l.a[m].End:
			lo = m + 1
		default:
			return l.a[m], true
		}
	}
	return Area{}, false
}

// Free reports whether [start, end) overlaps no area.
//
//go:nosplit
func (l *List) Free(start, end uint64) bool {
	for i := 0; i < l.n; i++ {
		if l.a[i].Start < end && start < l.a[i].End {
			return false
		}
	}
	return true
}

// FindGap returns the lowest address >= from where length bytes fit
// below limit, or ok == false.
//
//go:nosplit
func (l *List) FindGap(from, limit, length uint64) (uint64, bool) {
	addr := from
	for i := 0; i < l.n; i++ {
		if l.a[i].End <= addr {
			continue
		}
		if l.a[i].Start >= addr+length {
			break
		}
		addr = l.a[i].End
	}
	if addr+length > limit || addr+length < addr {
		return 0, false
	}
	return addr, true
}

// Remove unmaps [start, end), splitting areas that straddle its ends. It
// fails (false) only when a split needs more than Max areas.
//
//go:nosplit
func (l *List) Remove(start, end uint64) bool {
	for i := 0; i < l.n; i++ {
		a := l.a[i]
		if a.End <= start || a.Start >= end {
			continue
		}
		switch {
		case a.Start < start && a.End > end: // split in two
			if l.n == Max {
				return false
			}
			l.insertAt(i+1, Area{Start: end, End: a.End, Prot: a.Prot})
			l.a[i].End = start
			return true
		case a.Start < start:
			l.a[i].End = start
		case a.End > end:
			l.a[i].Start = end
		default:
			l.deleteAt(i)
			i--
		}
	}
	return true
}

// Set maps [start, end) with prot, replacing whatever was there, and
// merges it with equal neighbours. It fails (false) when the list is full.
//
//go:nosplit
func (l *List) Set(start, end uint64, prot uint32) bool {
	if start >= end {
		return true
	}
	if l.n+2 > Max {
		return false
	}
	if !l.Remove(start, end) {
		return false
	}
	i := 0
	for i < l.n && l.a[i].Start < start {
		i++
	}
	l.insertAt(i, Area{Start: start, End: end, Prot: prot})
	// Merge with the right neighbour, then the left one.
	if i+1 < l.n && l.a[i+1].Start == end && l.a[i+1].Prot == prot {
		l.a[i].End = l.a[i+1].End
		l.deleteAt(i + 1)
	}
	if i > 0 && l.a[i-1].End == start && l.a[i-1].Prot == prot {
		l.a[i-1].End = l.a[i].End
		l.deleteAt(i)
	}
	return true
}

//go:nosplit
func (l *List) insertAt(i int, a Area) {
	for j := l.n; j > i; j-- {
		l.a[j] = l.a[j-1]
	}
	l.a[i] = a
	l.n++
}

//go:nosplit
func (l *List) deleteAt(i int) {
	for j := i; j+1 < l.n; j++ {
		l.a[j] = l.a[j+1]
	}
	l.n--
}
