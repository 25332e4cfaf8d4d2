// Command oom keeps allocating and touching memory until the VM runs out.
// In a 64 MiB VM it must die with an out-of-memory error, not hang and not
// reach the limit below.
package main

import (
	"fmt"

	_ "github.com/ebbnode/ebbnode/kernel"
)

const (
	chunk = 1 << 20   // bytes per allocation
	limit = 512 << 20 // far past the VM's memory: reaching it is a failure
)

var hoard [][]byte // package level so nothing is collected

func main() {
	for len(hoard)*chunk < limit {
		b := make([]byte, chunk)
		for j := 0; j < len(b); j += 4096 {
			b[j] = 1
		}
		hoard = append(hoard, b)
	}
	fmt.Printf("held %d MiB without running out\n", len(hoard)*chunk>>20)
}
