// Command bigbss has a zero-initialised variable of three quarters of its
// VM's memory, as programs linking crypto/rand carry a 32 MiB scratch
// buffer only FIPS 140-3 mode touches. The kernel backs such BSS on first
// touch: the untouched part costs nothing, so the guest can still grow its
// heap by more than the memory the rest of the image leaves, and touched
// pages read as zero, from Go code and from a system call alike, and keep
// what is written.
package main

import (
	"fmt"
	"syscall"

	"github.com/ebbnode/ebbnode/kernel"
)

const size = 48 << 20 // boot with 64 MiB

var (
	big  [size]byte
	heap [][]byte
)

func main() {
	free0 := kernel.ReadCounters().FreeBytes
	offs := []int{0, 1 << 20, 33<<20 + 5, size - 1}
	nonzero, kept := 0, 0
	for i, off := range offs {
		if big[off] != 0 {
			nonzero++
		}
		big[off] = byte(i + 1)
	}
	for i, off := range offs {
		if big[off] == byte(i+1) {
			kept++
		}
	}
	// A system call reads a page nothing has touched yet.
	n, err := syscall.Write(1, big[40<<20:40<<20+4])
	fmt.Printf("\nwrite=%d err=%v nonzero=%d kept=%d used=%d KiB\n", n, err, nonzero, kept, (free0-kernel.ReadCounters().FreeBytes)>>10)
	for range 24 {
		b := make([]byte, 1<<20)
		for j := 0; j < len(b); j += 4096 {
			b[j] = 1
		}
		heap = append(heap, b)
	}
	fmt.Printf("heap=%d MiB\n", len(heap))
}
