// Command firsttouch races first-touch page faults on two CPUs. Two
// threads, each pinned to its own CPU, meet at the start of each round on a fresh 2 MiB
// block of anonymous memory: one touches the block's first word (the
// fault maps the whole block and clears it), the other, after a delay that
// sweeps across the time such a fault takes, writes a marker into each
// page of the block's second half. Whichever thread faults first, every
// marker must read back afterwards: a frame cleared after another CPU
// could already write it would lose them. MADV_DONTNEED then drops the
// block so the next round faults it afresh.
//
// It prints the rounds and the markers lost; the test wants none lost.
package main

import (
	"fmt"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
	"unsafe"

	_ "github.com/ebbnode/ebbnode/kernel"
)

const (
	block  = 2 << 20
	page   = 4096
	rounds = 240
	steps  = 40 // delays per sweep
)

func main() {
	mem, err := syscall.Mmap(-1, 0, 2*block, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_PRIVATE|syscall.MAP_ANON)
	if err != nil {
		fmt.Println("mmap:", err)
		os.Exit(1)
	}
	off := (block - int(uintptr(unsafe.Pointer(&mem[0])))%block) % block
	blk := mem[off : off+block]
	unit := faultTime(blk) / steps
	var lost, toucherFaulted atomic.Int64
	var arrive atomic.Int64
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { // toucher
		defer wg.Done()
		pin(0)
		for r := 0; r < rounds; r++ {
			meet(&arrive, int64(2*r+1))
			blk[0] = 1
			meet(&arrive, int64(2*r+2))
		}
	}()
	go func() { // writer
		defer wg.Done()
		pin(1)
		for r := 0; r < rounds; r++ {
			meet(&arrive, int64(2*r+1))
			spin(unit * time.Duration(r%steps))
			for p := block / 2; p < block; p += page {
				*(*uint64)(unsafe.Pointer(&blk[p+8])) = uint64(r<<32 | p)
			}
			meet(&arrive, int64(2*r+2))
			for p := block / 2; p < block; p += page {
				if *(*uint64)(unsafe.Pointer(&blk[p+8])) != uint64(r<<32|p) {
					lost.Add(1)
				}
			}
			if blk[0] != 1 {
				toucherFaulted.Add(1)
			}
			if err := syscall.Madvise(blk, 4); err != nil { // MADV_DONTNEED
				fmt.Println("madvise:", err)
				os.Exit(1)
			}
		}
	}()
	wg.Wait()
	fmt.Printf("gomaxprocs=%d rounds=%d lost=%d toucher_lost=%d\n", runtime.GOMAXPROCS(0), rounds, lost.Load(), toucherFaulted.Load())
}

// pin locks the goroutine to its thread and the thread to CPU cpu, so
// the two threads race on two CPUs instead of taking turns on one.
func pin(cpu int) {
	runtime.LockOSThread()
	mask := uint64(1) << cpu
	if _, _, e := syscall.RawSyscall(syscall.SYS_SCHED_SETAFFINITY, 0, 8, uintptr(unsafe.Pointer(&mask))); e != 0 {
		fmt.Println("sched_setaffinity:", e)
		os.Exit(1)
	}
}

// meet waits until both threads have arrived at step n (each adds one).
func meet(arrive *atomic.Int64, n int64) {
	arrive.Add(1)
	for arrive.Load() < 2*n {
	}
}

// faultTime is how long one first touch of the fresh block takes here.
func faultTime(blk []byte) time.Duration {
	t0 := time.Now()
	blk[0] = 1
	d := time.Since(t0)
	if err := syscall.Madvise(blk, 4); err != nil {
		fmt.Println("madvise:", err)
		os.Exit(1)
	}
	return max(d*2, 40*time.Microsecond)
}

// spin busy-waits for d.
func spin(d time.Duration) {
	for t0 := time.Now(); time.Since(t0) < d; {
	}
}
