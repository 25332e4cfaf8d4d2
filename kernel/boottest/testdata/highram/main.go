// Command highram maps and touches more memory than q35 puts below 4 GiB
// (2 GiB once the VM has 3 GiB), so it passes only if the kernel uses the
// RAM above 4 GiB; every touched page keeps what was written.
package main

import (
	"fmt"
	"syscall"

	"github.com/ebbnode/ebbnode/kernel"
)

const size = 2304 << 20 // boot with 3072 MiB

func main() {
	fmt.Printf("free=%d MiB\n", kernel.ReadCounters().FreeBytes>>20)
	m, err := syscall.Mmap(-1, 0, size, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		fmt.Println("mmap:", err)
		return
	}
	for off := 0; off < size; off += 4096 {
		m[off] = byte(off >> 12)
	}
	bad := 0
	for off := 0; off < size; off += 4096 {
		if m[off] != byte(off>>12) {
			bad++
		}
	}
	fmt.Printf("touched=%d MiB bad=%d\n", size>>20, bad)
}
