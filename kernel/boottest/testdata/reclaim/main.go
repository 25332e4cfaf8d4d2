// Command reclaim checks that pages freed lazily (MADV_FREE while memory
// is plentiful: the kernel keeps them mapped) come back when memory runs
// short. It grows the Go heap by half the free memory, drops it and has
// the runtime give it back (debug.FreeOSMemory madvises it with
// MADV_FREE), then maps and touches, outside the heap, more than the
// memory left free: that succeeds only if the kernel takes the lazily
// freed pages back.
package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"syscall"

	"github.com/ebbnode/ebbnode/kernel"
)

const chunk = 1 << 20

var heap [][]byte

func free() uint64 { return kernel.ReadCounters().FreeBytes >> 20 }

func main() {
	start := free()
	for n := uint64(0); n < start/2; n++ {
		b := make([]byte, chunk)
		for j := 0; j < len(b); j += 4096 {
			b[j] = 1
		}
		heap = append(heap, b)
	}
	grown := free()
	heap = nil
	runtime.GC()
	debug.FreeOSMemory()
	released := free()
	fmt.Printf("free MiB: start=%d grown=%d released=%d\n", start, grown, released)
	// More than the free memory now, less than the RAM at the start.
	size := int(released+start/4) << 20
	m, err := syscall.Mmap(-1, 0, size, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		fmt.Println("mmap:", err)
		return
	}
	for j := 0; j < len(m); j += 4096 {
		m[j] = 1
	}
	fmt.Printf("touched=%d MiB free=%d\n", size>>20, free())
}
