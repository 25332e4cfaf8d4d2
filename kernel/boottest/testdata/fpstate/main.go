// Command fpstate checks that each thread keeps its own FPU/SSE state
// through the kernel: its control words (MXCSR, x87 FCW) across system
// calls and switches to threads with other control words (a system call
// saves only those), and all of X0-X15 across interrupts and preemption
// (saved whole). The main thread runs with MXCSR's flush-to-zero and
// denormals-are-zero bits set while spinner threads, with the default
// MXCSR, multiply a denormal: a control word leaking either way shows.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ebbnode/ebbnode/kernel"
)

func setMXCSR(v uint32)
func getMXCSR() uint32
func setFCW(v uint16)
func getFCW() uint16
func getpidMXCSR() uint32
func xmmHold(n uint64) uint64

const (
	mainMXCSR = 0x1f80 | 1<<15 | 1<<6 // default, plus FZ and DAZ
	mainFCW   = 0x027f                // default 0x037f with 53-bit precision
	rounds    = 150
)

var tiny, one = 1e-310, 1.0 // a denormal: DAZ reads it as zero

// control drops MXCSR's sticky exception flags (bits 0-5), which the
// arithmetic sets.
func control(mxcsr uint32) uint32 { return mxcsr &^ 0x3f }

func main() {
	before := kernel.ReadCounters()
	var stop atomic.Bool
	var spinBad, xmmBad, spins atomic.Int64
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for !stop.Load() {
				if tiny*one == 0 || control(getMXCSR()) != 0x1f80 {
					spinBad.Add(1)
				}
				xmmBad.Add(int64(xmmHold(200000)))
				spins.Add(1)
				runtime.Gosched()
			}
		}()
	}

	runtime.LockOSThread()
	setMXCSR(mainMXCSR)
	setFCW(mainFCW)
	mxBad, fcwBad, dazBad, rawBad := 0, 0, 0, 0
	for r := 0; r < rounds; r++ {
		time.Sleep(time.Millisecond) // blocks this thread: the spinners run
		if control(getMXCSR()) != mainMXCSR {
			mxBad++
		}
		if getFCW() != mainFCW {
			fcwBad++
		}
		if tiny*one != 0 {
			dazBad++
		}
		if control(getpidMXCSR()) != mainMXCSR {
			rawBad++
		}
	}
	setMXCSR(0x1f80)
	setFCW(0x037f)
	runtime.UnlockOSThread()
	stop.Store(true)
	wg.Wait()
	after := kernel.ReadCounters()
	fmt.Printf("fpstate: rounds=%d mxcsr-bad=%d fcw-bad=%d daz-bad=%d raw-bad=%d spinner-bad=%d xmm-bad=%d spins=%d switches=%d\n",
		rounds, mxBad, fcwBad, dazBad, rawBad, spinBad.Load(), xmmBad.Load(), spins.Load(), after.Switches-before.Switches)
}
