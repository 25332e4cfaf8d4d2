// Command smpstress exercises the kernel's scheduler across CPUs:
//
//   - GOMAXPROCS and the online CPUs the kernel reports (sched_getaffinity
//     sizes GOMAXPROCS);
//   - spread: GOMAXPROCS spinning goroutines, each on its own thread,
//     record which CPUs they ran on (getcpu): with every CPU in use they
//     cover them all;
//   - apart: two CPU-bound goroutines started together run on different
//     CPUs;
//   - futex and channel stress: workers on their own threads hand a value
//     around a ring of unbuffered channels (every hand-off a futex wake of
//     a thread that may sleep on another CPU) and add to one counter under
//     a contended sync.Mutex;
//   - affinity: a thread pinned to one CPU with sched_setaffinity, then
//     blocking and waking many times (each wake-up may land on any idle
//     CPU), is found on that CPU every time, and sched_getaffinity
//     reports the pin;
//   - TLB shootdown: a reader thread reads a mapped page in a loop on one
//     CPU while another CPU unmaps it; once munmap has returned the reader
//     must fault (debug.SetPanicOnFault) and never read the old page.
//
// It prints what it computed; the test recomputes it on the host.
package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
	"unsafe"

	"github.com/ebbnode/ebbnode/kernel"
)

const (
	workers = 4
	hops    = 4000 // hand-offs around the ring
	adds    = 5000 // mutex-protected additions per worker
	mod     = 1_000_000_007
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
	fmt.Printf("gomaxprocs=%d online=%d\n", runtime.GOMAXPROCS(0), kernel.OnlineCPUs())
	// apart first: from a fresh start, as a program's first goroutines.
	together, samples := apart()
	fmt.Printf("together=%d samples=%d\n", together, samples)
	fmt.Printf("cpus_seen=%d\n", spread())
	for _, cpu := range []int{1, 0} {
		elsewhere, got := pinned(cpu)
		fmt.Printf("pinned%d_elsewhere=%d pinned%d_mask=%d\n", cpu, elsewhere, cpu, got)
	}
	ring, sum := stress()
	fmt.Printf("ring=%d mutex=%d\n", ring, sum)
	stale, faulted, same := shootdown()
	fmt.Printf("stale=%d faulted=%v same_cpu=%d\n", stale, faulted, same)
}

// spread runs one spinning thread per P until together they have run on
// every online CPU (or a bound passes) and returns how many CPUs they saw.
func spread() int {
	n := runtime.GOMAXPROCS(0)
	var seen [64]atomic.Bool
	var count atomic.Int32
	var stop atomic.Bool
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			runtime.LockOSThread()
			for j := 0; j < 1<<20 && !stop.Load(); j++ {
				if c := getcpu(); c < len(seen) && !seen[c].Swap(true) {
					if int(count.Add(1)) == n {
						stop.Store(true)
					}
				}
			}
		}()
	}
	wg.Wait()
	return int(count.Load())
}

// apart runs two CPU-bound goroutines at once; each samples its CPU now
// and then and counts the samples at which the other, last seen, was on
// the same CPU. With two CPUs the scheduler must run them apart (a
// thread made runnable, or preempted, while a CPU idles is offered to
// it), so they share a CPU only briefly.
func apart() (together, samples int) {
	const n = 200
	var at [2]atomic.Int32
	at[0].Store(-1)
	at[1].Store(-2)
	var same [2]int
	var wg sync.WaitGroup
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			x := uint64(w + 1)
			for i := 0; i < n; i++ {
				for j := 0; j < 100000; j++ {
					x = x*6364136223846793005 + 1442695040888963407
				}
				c := int32(getcpu())
				at[w].Store(c)
				if at[1-w].Load() == c {
					same[w]++
				}
			}
			sink.Add(x)
		}()
	}
	wg.Wait()
	return same[0] + same[1], 2 * n
}

var sink atomic.Uint64

// stress runs the channel ring and the mutex counter at once.
func stress() (uint64, uint64) {
	chans := make([]chan uint64, workers)
	for i := range chans {
		chans[i] = make(chan uint64)
	}
	var mu sync.Mutex
	var sum uint64
	done := make(chan uint64)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			runtime.LockOSThread()
			for i := 0; i < adds; i++ {
				mu.Lock()
				sum += uint64(w*adds + i)
				mu.Unlock()
			}
			for {
				v, ok := <-chans[w]
				if !ok {
					return
				}
				if v>>32 == hops {
					done <- v & 0xffffffff
					continue
				}
				next := ((v&0xffffffff)*31 + uint64(w) + 1) % mod
				chans[(w+1)%workers] <- (v>>32+1)<<32 | next
			}
		}(w)
	}
	chans[0] <- 1
	ring := <-done
	for _, c := range chans {
		close(c)
	}
	wg.Wait()
	return ring, sum
}

// shootdown maps a page, has a reader thread read it in a loop and
// unmaps it from this thread: it returns the reads that found the page
// still readable after munmap returned (or 1<<41 if a read returned
// anything but what was written), whether the reader faulted, and how
// many times reader and unmapper were on one CPU when it happened.
func shootdown() (stale uint64, faulted bool, same int) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	for round := 0; round < 8; round++ {
		mem, err := syscall.Mmap(-1, 0, 16<<10, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
		if err != nil {
			fmt.Println("mmap:", err)
			os.Exit(1)
		}
		word := (*uint32)(unsafe.Pointer(&mem[4096]))
		*word = 42
		var unmapped, started atomic.Bool
		var readerCPU atomic.Int32
		res := make(chan uint64)
		go func() {
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			n := uint64(1 << 40) // never faulted
			defer func() {
				recover()
				res <- n
			}()
			debug.SetPanicOnFault(true)
			readerCPU.Store(int32(getcpu()))
			n = 0
			for i := 0; i < 1<<24; i++ {
				after := unmapped.Load()
				v := atomic.LoadUint32(word)
				started.Store(true)
				if after { // read after munmap returned
					n++
				}
				if v != 42 {
					stale = 1 << 41 // read something other than the page
				}
			}
			n = 1 << 40
		}()
		for !started.Load() {
		}
		if int(readerCPU.Load()) == getcpu() {
			same++
		}
		if err := syscall.Munmap(mem); err != nil {
			fmt.Println("munmap:", err)
			os.Exit(1)
		}
		unmapped.Store(true)
		n := <-res
		if n == 1<<40 {
			return stale, false, same
		}
		stale += n
	}
	return stale, true, same
}

// pinned pins a locked thread to cpu, then sleeps and wakes 200 times,
// counting the wake-ups found on another CPU; it also returns the mask
// sched_getaffinity reports for the thread.
func pinned(cpu int) (elsewhere int, mask uint64) {
	res := make(chan [2]uint64)
	go func() {
		runtime.LockOSThread() // the thread exits with the goroutine
		want := uint64(1) << cpu
		if _, _, e := syscall.RawSyscall(syscall.SYS_SCHED_SETAFFINITY, 0, 8, uintptr(unsafe.Pointer(&want))); e != 0 {
			fmt.Println("sched_setaffinity:", e)
			os.Exit(1)
		}
		n := 0
		for i := 0; i < 200; i++ {
			if getcpu() != cpu {
				n++
			}
			time.Sleep(50 * time.Microsecond)
		}
		var got uint64
		if _, _, e := syscall.RawSyscall(syscall.SYS_SCHED_GETAFFINITY, 0, 8, uintptr(unsafe.Pointer(&got))); e != 0 {
			fmt.Println("sched_getaffinity:", e)
			os.Exit(1)
		}
		res <- [2]uint64{uint64(n), got}
	}()
	r := <-res
	return int(r[0]), r[1]
}
