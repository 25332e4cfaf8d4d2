// Command memlimit churns through four times the VM's memory with the
// collector's percentage trigger off (GOGC=off), so only the Go heap's
// soft limit (GOMEMLIMIT, which the kernel sets from the VM's RAM at boot)
// makes the collector run: without it the heap grows until the kernel
// runs out of memory.
package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"

	"github.com/ebbnode/ebbnode/kernel"
)

const (
	chunk = 1 << 20 // bytes per allocation
	live  = 8       // allocations kept alive at once
)

var keep [live][]byte

func main() {
	debug.SetGCPercent(-1)
	limit := debug.SetMemoryLimit(-1)
	env, _ := strconv.ParseInt(os.Getenv("GOMEMLIMIT"), 10, 64)
	fmt.Printf("limit=%d env=%d\n", limit, env)
	total := 4 * kernel.ReadCounters().FreeBytes
	for n := uint64(0); n < total; n += chunk {
		b := make([]byte, chunk)
		for j := 0; j < len(b); j += 4096 {
			b[j] = 1
		}
		keep[(n/chunk)%live] = b
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("churned=%d MiB gcs=%d\n", total>>20, ms.NumGC)
}
