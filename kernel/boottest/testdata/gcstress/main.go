// Command gcstress allocates ten times a 64 MiB VM's memory over its run
// while keeping only a few MiB live, so it finishes only if the garbage
// collector returns memory and the kernel lets the runtime reuse it.
package main

import (
	"fmt"
	"runtime"

	_ "github.com/ebbnode/ebbnode/kernel"
)

const (
	total = 640 << 20 // bytes to allocate over the run: 10 x 64 MiB
	chunk = 64 << 10  // bytes per allocation
	live  = 64        // allocations kept alive at once (4 MiB)
)

func main() {
	var keep [live][]byte
	var allocated int
	for i := 0; allocated < total; i++ {
		b := make([]byte, chunk)
		// Touch every page so the memory is really backed.
		for j := 0; j < len(b); j += 4096 {
			b[j] = byte(i)
		}
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
