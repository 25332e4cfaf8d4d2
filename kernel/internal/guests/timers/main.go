// Command timers is a timer-heavy guest: goroutines that sleep briefly
// and wake each other through channels, on one P idle in between, on one
// P while another goroutine computes, and on two. It prints the kernel's timer counters for
// the run (see kernel/profile_test.go): timer interrupts, LAPIC timer
// programmings and interrupts that found nothing due.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/ebbnode/ebbnode/kernel"
)

const (
	sleepers = 4
	rounds   = 150
)

func main() {
	c0, t0 := kernel.ReadCounters(), time.Now()
	sleeps := 0
	for _, procs := range []int{1, 1, 2} {
		compute := procs == 1 && sleeps > 0 || procs == 2
		runtime.GOMAXPROCS(procs)
		sleeps += phase(compute)
	}
	c1, t1 := kernel.ReadCounters(), time.Now()
	fmt.Printf("timers: ms=%d sleeps=%d timer=%d arms=%d early=%d switches=%d\n",
		t1.Sub(t0).Milliseconds(), sleeps, c1.TimerInterrupts-c0.TimerInterrupts,
		c1.TimerArms-c0.TimerArms, c1.EarlyTimers-c0.EarlyTimers, c1.Switches-c0.Switches)
}

// phase runs the sleepers, a ping-pong pair and, if compute is set, a
// computing goroutine (else the CPU idles between wake-ups) until the
// sleepers are done, and returns the number of sleeps.
func phase(compute bool) int {
	var wg sync.WaitGroup
	for i := range sleepers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range rounds {
				time.Sleep(time.Duration(200+100*i) * time.Microsecond)
			}
		}()
	}
	done := make(chan struct{})
	ping, pong := make(chan int), make(chan int)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
	}()
	go func() {
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for v := 0; ; v++ {
			select {
			case <-done:
				close(ping)
				return
			case <-t.C:
				ping <- v
				<-pong
			}
		}
	}()
	go func() {
		if !compute {
			return
		}
		x := 1
		for {
			select {
			case <-done:
				return
			default:
			}
			for j := 0; j < 1e5; j++ {
				x = x*31 + j
			}
			_ = x
		}
	}()
	wg.Wait()
	close(done)
	return sleepers * rounds
}
