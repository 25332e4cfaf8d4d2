// Command gcstress checks that memory the Go runtime frees comes back.
//
// Churn: it allocates ten times a 64 MiB VM's memory over its run while
// keeping only a few MiB live, so it finishes only if the garbage
// collector frees memory and the runtime reuses it.
//
// Return: three times it grows the heap by 28 MiB, drops it and has the
// runtime give it back (debug.FreeOSMemory madvises it), then maps and
// touches 28 MiB outside the heap. Heap and mapping do not fit together
// in a 64 MiB VM, so a round passes only if madvise gave the heap's pages
// back to the kernel (which frees MADV_FREE pages while less than 32 MiB
// is free). It prints the kernel's free memory at each step.
package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"syscall"

	"github.com/ebbnode/ebbnode/kernel"
)

const (
	total  = 640 << 20 // bytes to allocate over the churn: 10 x 64 MiB
	chunk  = 64 << 10  // bytes per allocation
	live   = 64        // allocations kept alive at once (4 MiB)
	rounds = 3
	size   = 28 << 20 // heap, then mapping, per return round
)

func main() {
	churn()
	for r := range rounds {
		giveBack(r)
	}
}

func churn() {
	var keep [live][]byte
	var allocated int
	for i := 0; allocated < total; i++ {
		b := make([]byte, chunk)
		touch(b, byte(i))
		keep[i%live] = b
		allocated += chunk
	}
	var sum int
	for _, b := range keep {
		sum += int(b[0])
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("allocated=%d totalalloc=%d numgc=%d check=%d\n", allocated, ms.TotalAlloc, ms.NumGC, sum)
}

// giveBack runs one round of the return phase.
func giveBack(r int) {
	runtime.GC()
	debug.FreeOSMemory()
	before := kernel.ReadCounters().FreeBytes
	var heap [][]byte
	for n := 0; n < size; n += 1 << 20 {
		b := make([]byte, 1<<20)
		touch(b, 1)
		heap = append(heap, b)
	}
	peak := kernel.ReadCounters().FreeBytes
	heap = nil
	runtime.KeepAlive(heap)
	debug.FreeOSMemory()
	released := kernel.ReadCounters().FreeBytes
	m, err := syscall.Mmap(-1, 0, size, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		fmt.Printf("round %d: mmap: %v\n", r, err)
		return
	}
	touch(m, 2)
	mapped := kernel.ReadCounters().FreeBytes
	if err := syscall.Munmap(m); err != nil {
		fmt.Printf("round %d: munmap: %v\n", r, err)
		return
	}
	fmt.Printf("round=%d size=%d free: before=%d peak=%d released=%d mapped=%d\n", r, size, before, peak, released, mapped)
}

// touch writes every page of b so the memory is really backed.
func touch(b []byte, v byte) {
	for j := 0; j < len(b); j += 4096 {
		b[j] = v
	}
}
