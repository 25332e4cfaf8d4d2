// Command spin keeps one thread busy for two seconds, then two threads
// (GOMAXPROCS=2) for one second, and prints the kernel's timer interrupts
// in each phase (see kernel/profile_test.go): the lone thread should take
// no preemption ticks, the pair one every quantum.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/ebbnode/ebbnode/kernel"
)

func main() {
	c0, t0 := kernel.ReadCounters(), time.Now()
	n := spin(2 * time.Second)
	c1, t1 := kernel.ReadCounters(), time.Now()
	fmt.Printf("alone: ms=%d timer=%d ok=%v\n", t1.Sub(t0).Milliseconds(), c1.TimerInterrupts-c0.TimerInterrupts, n > 0)

	// Two CPU-bound goroutines on two Ps: two runnable threads on one CPU,
	// which only the kernel's quantum tick can interleave.
	runtime.GOMAXPROCS(2)
	var wg sync.WaitGroup
	var sums [2]int
	c2, t2 := kernel.ReadCounters(), time.Now()
	for i := range sums {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sums[i] = spin(time.Second)
		}()
	}
	wg.Wait()
	c3, t3 := kernel.ReadCounters(), time.Now()
	fmt.Printf("pair: ms=%d timer=%d switches=%d ok=%v\n", t3.Sub(t2).Milliseconds(),
		c3.TimerInterrupts-c2.TimerInterrupts, c3.Switches-c2.Switches, sums[0] > 0 && sums[1] > 0)
}

// spin burns CPU for d by the monotonic clock.
func spin(d time.Duration) int {
	start := time.Now()
	n := 0
	for time.Since(start) < d {
		for i := 0; i < 1000; i++ {
			n += i
		}
	}
	return n
}
