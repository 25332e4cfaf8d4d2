package jsrt

import (
	"encoding/binary"
	"sync/atomic"
	"unsafe"
)

// The memory half of Atomics (see atomics.go). Shared memory is a
// sharedBuf, 8-byte aligned and padded, so a 4- or 8-byte element is an
// aligned word and a 1- or 2-byte one lies inside an aligned 32-bit word,
// which a compare-and-swap loop updates. Memory no other thread sees (a
// plain ArrayBuffer) takes ordinary loads and stores.

func wordsAsBytes(w []uint64) []byte {
	return unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(w))), len(w)*8)
}

func sameMemory(a, b []byte) bool {
	return len(a) == len(b) && (len(a) == 0 || unsafe.SliceData(a) == unsafe.SliceData(b))
}

// rmw applies op to the element of the given kind at off and returns the
// element's old bits.
func rmw(mem []byte, off, kind int, shared bool, op int, x uint64) uint64 {
	return update(mem, off, kind, shared, func(old uint64) (uint64, bool) {
		return apply(op, old, x) & mask(kind), op != 0
	})
}

// cas is compareExchange: replace when the element equals expect.
func cas(mem []byte, off, kind int, shared bool, expect, repl uint64) uint64 {
	return update(mem, off, kind, shared, func(old uint64) (uint64, bool) {
		return repl, old == expect
	})
}

// update reads the element, asks f for its new bits (and whether to
// write them), and writes them atomically when the memory is shared.
func update(mem []byte, off, kind int, shared bool, f func(old uint64) (uint64, bool)) uint64 {
	size := kindSize[kind]
	if !shared {
		old := readLE(mem[off:off+size], size)
		if n, write := f(old); write {
			writeLE(mem[off:off+size], size, n)
		}
		return old
	}
	switch size {
	case 8:
		p := (*uint64)(unsafe.Pointer(&mem[off]))
		for {
			old := atomic.LoadUint64(p)
			n, write := f(old)
			if !write || atomic.CompareAndSwapUint64(p, old, n) {
				return old
			}
		}
	case 4:
		p := (*uint32)(unsafe.Pointer(&mem[off]))
		for {
			old := atomic.LoadUint32(p)
			n, write := f(uint64(old))
			if !write || atomic.CompareAndSwapUint32(p, old, uint32(n)) {
				return uint64(old)
			}
		}
	}
	// A byte or half-word: CAS its aligned 32-bit word (little-endian).
	base := off &^ 3
	shift := uint(off-base) * 8
	m := uint32(mask(kind)) << shift
	p := (*uint32)(unsafe.Pointer(unsafe.Add(unsafe.Pointer(unsafe.SliceData(mem)), base)))
	for {
		w := atomic.LoadUint32(p)
		old := uint64((w & m) >> shift)
		n, write := f(old)
		if !write || atomic.CompareAndSwapUint32(p, w, w&^m|uint32(n)<<shift&m) {
			return old
		}
	}
}

func readLE(b []byte, size int) uint64 {
	switch size {
	case 1:
		return uint64(b[0])
	case 2:
		return uint64(binary.LittleEndian.Uint16(b))
	case 4:
		return uint64(binary.LittleEndian.Uint32(b))
	}
	return binary.LittleEndian.Uint64(b)
}

func writeLE(b []byte, size int, v uint64) {
	switch size {
	case 1:
		b[0] = byte(v)
	case 2:
		binary.LittleEndian.PutUint16(b, uint16(v))
	case 4:
		binary.LittleEndian.PutUint32(b, uint32(v))
	default:
		binary.LittleEndian.PutUint64(b, v)
	}
}
