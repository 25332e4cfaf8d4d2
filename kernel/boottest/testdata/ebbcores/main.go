// Command ebbcores runs the Ebb runtime natively with one core per vCPU,
// pinned (Config.Pin):
//
//   - each core's events, spread over time so that its thread blocks and
//     wakes between them, must all run on the core's own vCPU (getcpu);
//   - cross-core SpawnRemote round trips (core 0 -> core 1 -> core 0),
//     timed one by one on core 0, on the futex platform (GOMAXPROCS one
//     above the cores: a parked core sleeps in futex and a wake is a
//     FUTEX_WAKE, an IPI to its halted vCPU) and on the channel platform
//     (GOMAXPROCS = cores: the default 50 µs poll, then a channel park);
//     the medians are printed, not checked (timing is no test);
//   - a warm Ref dereference, timed over many calls.
package main

import (
	"fmt"
	"os"
	"runtime"
	"slices"
	"syscall"
	"time"
	"unsafe"

	"github.com/ebbnode/ebbnode/kernel"
	ebbrt "github.com/ebbnode/ebbnode/runtime"
)

const (
	checks = 40   // events per core checked for their vCPU
	trips  = 1000 // timed round trips per platform
	derefs = 1_000_000
)

func getcpu() int {
	var cpu uint32
	if _, _, e := syscall.RawSyscall(309, uintptr(unsafe.Pointer(&cpu)), 0, 0); e != 0 {
		fmt.Println("getcpu:", e)
		os.Exit(1)
	}
	return int(cpu)
}

func main() {
	n := kernel.OnlineCPUs()
	fmt.Printf("online=%d\n", n)

	runtime.GOMAXPROCS(n + 1)
	rt := ebbrt.New(ebbrt.Config{Cores: n, Pin: true})
	elsewhere := 0
	for i := 0; i < n; i++ {
		cpu, bad := pinnedCore(rt, i)
		fmt.Printf("core%d_cpu=%d ", i, cpu)
		elsewhere += bad
	}
	fmt.Printf("elsewhere=%d\n", elsewhere)
	if n > 1 {
		fmt.Printf("futex_rt_median_ns=%d\n", roundTrips(rt))
	}
	fmt.Printf("deref_ns=%.2f\n", deref(rt))
	rt.Stop()

	if n > 1 {
		runtime.GOMAXPROCS(n)
		rt = ebbrt.New(ebbrt.Config{Cores: n, Pin: true})
		fmt.Printf("chan_rt_median_ns=%d\n", roundTrips(rt))
		rt.Stop()
	}
}

// pinnedCore runs checks events on core i, 200 µs apart, and returns the
// CPU CPU() reports and how many events ran on another vCPU.
func pinnedCore(rt *ebbrt.Runtime, i int) (cpu, elsewhere int) {
	done := make(chan [2]int)
	rt.SpawnRemote(i, func(c *ebbrt.Core) {
		bad, left := 0, checks
		var check func(c *ebbrt.Core)
		check = func(c *ebbrt.Core) {
			if getcpu() != i {
				bad++
			}
			if left--; left == 0 {
				done <- [2]int{c.CPU(), bad}
				return
			}
			c.AfterFunc(200*time.Microsecond, check)
		}
		check(c)
	})
	r := <-done
	return r[0], r[1]
}

// roundTrips times trips round trips core 0 -> core 1 -> core 0 and
// returns the median in nanoseconds.
func roundTrips(rt *ebbrt.Runtime) int64 {
	ns := make([]int64, 0, trips)
	done := make(chan struct{})
	var start time.Time
	var ping func(c *ebbrt.Core)
	ping = func(c *ebbrt.Core) {
		if !start.IsZero() {
			ns = append(ns, time.Since(start).Nanoseconds())
		}
		if len(ns) == trips {
			close(done)
			return
		}
		// Let core 1 park first, so each trip wakes a sleeping core.
		c.AfterFunc(100*time.Microsecond, func(c *ebbrt.Core) {
			start = time.Now()
			c.SpawnRemote(1, func(c *ebbrt.Core) { c.SpawnRemote(0, ping) })
		})
	}
	rt.SpawnRemote(0, ping)
	<-done
	slices.Sort(ns)
	return ns[len(ns)/2]
}

type rep struct{ n int }

// deref times a warm Ref.On on core 0.
func deref(rt *ebbrt.Runtime) float64 {
	ref := ebbrt.NewMulticoreEbb[*rep](rt, ebbrt.RepFunc[*rep](func(*ebbrt.Core) *rep { return &rep{} }))
	res := make(chan float64)
	rt.SpawnRemote(0, func(c *ebbrt.Core) {
		ref.On(c)
		t := time.Now()
		for range derefs {
			ref.On(c).n++
		}
		res <- float64(time.Since(t).Nanoseconds()) / derefs
	})
	return <-res
}
