// Command procs2 runs the Go runtime with GOMAXPROCS=2 on the kernel's one
// CPU, so two threads are runnable at once:
//
//   - preemption: two goroutines spin in loops without calls (no Go-level
//     preemption point), each counting how often it finds the other's
//     counter moved; only the kernel's quantum tick can interleave them;
//   - futex contention: two goroutines locked to their own threads play
//     ping-pong over unbuffered channels, so every hand-off wakes the other
//     thread, and both add to one counter under a contended sync.Mutex.
//
// It prints what it computed; the test recomputes it on the host.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"

	_ "github.com/ebbnode/ebbnode/kernel"
)

const (
	seen     = 20      // times each spinner must find the other moved
	maxSpins = 1 << 28 // give up: the other never ran (20 sightings take about 1<<25)
	pings    = 2000    // ping-pong round trips
	adds     = 20000   // mutex-protected additions per goroutine
	mod      = 1_000_000_007
)

func main() {
	prev := runtime.GOMAXPROCS(2)
	a, b, spins := preempt()
	fmt.Printf("gomaxprocs=%d->%d preempt: a_saw=%d b_saw=%d spins=%d\n", prev, runtime.GOMAXPROCS(0), a, b, spins)
	fmt.Printf("pingpong=%d\n", pingPong())
	fmt.Printf("mutex=%d\n", mutex())
}

// preempt runs two spinners and returns how often each saw the other move,
// and their iterations together.
func preempt() (uint64, uint64, uint64) {
	var counters [2]atomic.Uint64
	var saw [2]uint64
	var wg sync.WaitGroup
	for i := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mine, other := &counters[i], &counters[1-i]
			last := other.Load()
			for n := uint64(0); saw[i] < seen && n < maxSpins; n++ {
				if v := other.Load(); v != last {
					saw[i]++
					last = v
				}
				mine.Add(1)
			}
		}()
	}
	wg.Wait()
	return saw[0], saw[1], counters[0].Load() + counters[1].Load()
}

// pingPong passes a value back and forth between two OS threads.
func pingPong() uint64 {
	ping, pong := make(chan uint64), make(chan uint64)
	done := make(chan uint64)
	go func() {
		runtime.LockOSThread()
		for v := range ping {
			pong <- (v*31 + 7) % mod
		}
	}()
	go func() {
		runtime.LockOSThread()
		v := uint64(1)
		for i := range pings {
			ping <- (v + uint64(i)) % mod
			v = <-pong
		}
		close(ping)
		done <- v
	}()
	return <-done
}

// mutex has two threads add to one total under a mutex; a lost update
// (a broken futex or a lock that is not one) changes the total.
func mutex() uint64 {
	var mu sync.Mutex
	var total uint64
	var wg sync.WaitGroup
	for g := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			runtime.LockOSThread()
			for i := range adds {
				mu.Lock()
				t := total // read, yield the CPU, write: a race would lose updates
				if i%64 == 0 {
					runtime.Gosched()
				}
				total = t + uint64(g+1)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return total
}
