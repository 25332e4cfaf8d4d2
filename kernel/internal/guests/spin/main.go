// Command spin keeps one thread busy for two seconds and exits 0: with
// GOMAXPROCS=1 it is the only runnable thread, so the kernel should take
// no preemption ticks (see kernel/profile_test.go).
package main

import (
	"fmt"
	"time"

	_ "github.com/ebbnode/ebbnode/kernel"
)

func main() {
	start := time.Now()
	n := 0
	for time.Since(start) < 2*time.Second {
		for i := 0; i < 1000; i++ {
			n += i
		}
	}
	fmt.Printf("spin done %v\n", n > 0)
}
