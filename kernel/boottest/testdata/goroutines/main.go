// Command goroutines passes a token around a ring of goroutines connected by
// channels, then has every goroutine report to main over a shared channel.
// It prints what it computed; the test recomputes both values on the host.
package main

import (
	"fmt"
	"runtime"

	_ "github.com/ebbnode/ebbnode/kernel"
)

const (
	n      = 10000 // goroutines in the ring
	rounds = 3     // trips of the token around the ring
	mod    = 1_000_000_007
)

func main() {
	// ring[i] feeds goroutine i; goroutine i forwards to ring[(i+1)%n].
	ring := make([]chan uint64, n)
	for i := range ring {
		ring[i] = make(chan uint64)
	}
	token := make(chan uint64, 1) // the token's last hop
	reports := make(chan uint64)  // one value per goroutine, at its end
	for i := 0; i < n; i++ {
		go func(i int) {
			var seen uint64
			for r := 0; r < rounds; r++ {
				v := <-ring[i]
				seen += v % 1000
				v = (v*31 + uint64(i) + 1) % mod
				if i == n-1 && r == rounds-1 {
					token <- v
				} else {
					ring[(i+1)%n] <- v
				}
			}
			reports <- seen
		}(i)
	}
	live := runtime.NumGoroutine() // all n are blocked on their channel
	ring[0] <- 1
	final := <-token
	var sum uint64
	for i := 0; i < n; i++ {
		sum += <-reports
	}
	fmt.Printf("goroutines=%d token=%d reports=%d gomaxprocs=%d\n", live, final, sum, runtime.GOMAXPROCS(0))
}
