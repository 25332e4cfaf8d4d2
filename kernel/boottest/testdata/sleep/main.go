// Command sleep measures time.Sleep(50ms) with the monotonic clock a few
// times and prints the wall clock, so the test can check both against the
// host. Several sleeps let the test tell a wrong clock (every sleep off)
// from a busy host that ran the VM late once.
package main

import (
	"fmt"
	"time"

	_ "github.com/ebbnode/ebbnode/kernel"
)

const sleeps = 5

func main() {
	for range sleeps {
		start := time.Now()
		time.Sleep(50 * time.Millisecond)
		slept := time.Since(start) // monotonic: time.Now carries both readings
		fmt.Printf("slept_ns=%d\n", slept.Nanoseconds())
	}
	fmt.Printf("unix=%d\n", time.Now().Unix())
}
