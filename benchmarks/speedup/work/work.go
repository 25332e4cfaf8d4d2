// Package work is the Go workload of the speedup benchmark: a fixed amount
// of CPU-bound integer work (a 64-bit mix function summed over a range),
// cut into chunks that GOMAXPROCS goroutines take from a shared counter,
// so a CPU slowed by the host's other load takes fewer chunks. It
// allocates nothing while it runs, so the collector plays no part, and
// its sum does not depend on how many goroutines computed it.
package work

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

const (
	// Total is the number of mix steps: about 2.5 s on one TCG vCPU.
	Total  = 1 << 29
	chunks = 256
)

// mix is splitmix64's finaliser.
func mix(x uint64) uint64 {
	x *= 0x9E3779B97F4A7C15
	x ^= x >> 29
	x *= 0xBF58476D1CE4E5B9
	x ^= x >> 32
	return x
}

// Chunk sums mix over [lo, hi).
func Chunk(lo, hi uint64) uint64 {
	s := uint64(0)
	for i := lo; i < hi; i++ {
		s += mix(i)
	}
	return s
}

// Sum computes the whole sum with workers goroutines.
func Sum(workers int) uint64 {
	var next atomic.Uint64
	var total atomic.Uint64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := uint64(0)
			for {
				c := next.Add(1) - 1
				if c >= chunks {
					break
				}
				s += Chunk(c*Total/chunks, (c+1)*Total/chunks)
			}
			total.Add(s)
		}()
	}
	wg.Wait()
	return total.Load()
}

// Main runs the workload with one goroutine per P (the CPUs the OS
// offers) after a short warm-up, and prints the line the harness parses.
func Main() {
	workers := runtime.GOMAXPROCS(0)
	Sum(workers) // warm-up: threads started, code paged in
	start := time.Now()
	sum := Sum(workers)
	ms := float64(time.Since(start).Microseconds()) / 1000
	fmt.Printf("speedup: go cpus=%d workers=%d ms=%.1f sum=%d\n", runtime.NumCPU(), workers, ms, sum)
}
