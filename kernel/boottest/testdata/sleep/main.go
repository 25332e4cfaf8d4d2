// Command sleep measures sleeps with the monotonic clock: time.Sleep (the
// runtime's timers), and the kernel's own nanosleep and futex timeout
// through raw system calls, which the runtime cannot mask by sleeping
// again after an early wake-up. It prints each, the total, and the wall
// clock, so the test can check them against what was asked and against
// the host's clock.
package main

import (
	"fmt"
	"syscall"
	"time"

	_ "github.com/ebbnode/ebbnode/kernel"
)

const (
	each    = 5 // sleeps of each kind
	request = 50 * time.Millisecond
	long    = time.Second // one longer time.Sleep, so the total dwarfs boot time
)

func main() {
	start := time.Now()
	kinds := []struct {
		name  string
		sleep func(time.Duration) error
	}{
		{"time", func(d time.Duration) error { time.Sleep(d); return nil }},
		{"nanosleep", nanosleep},
		{"futex", futexWait},
	}
	for _, k := range kinds {
		for range each {
			t0 := time.Now()
			err := k.sleep(request)
			slept := time.Since(t0) // monotonic: time.Now carries both readings
			fmt.Printf("sleep kind=%s requested_ns=%d slept_ns=%d err=%v\n", k.name, request.Nanoseconds(), slept.Nanoseconds(), err)
		}
	}
	t0 := time.Now()
	time.Sleep(long)
	fmt.Printf("sleep kind=long requested_ns=%d slept_ns=%d err=<nil>\n", long.Nanoseconds(), time.Since(t0).Nanoseconds())
	fmt.Printf("total_ns=%d\n", time.Since(start).Nanoseconds())
	fmt.Printf("unix=%d\n", time.Now().Unix())
}

func nanosleep(d time.Duration) error {
	ts := syscall.NsecToTimespec(d.Nanoseconds())
	return syscall.Nanosleep(&ts, nil)
}
