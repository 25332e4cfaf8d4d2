// Command gonative is the speedup benchmark's Go workload as a native
// ebbnode image (linked by host/image, booted under QEMU).
package main

import (
	_ "github.com/ebbnode/ebbnode/kernel"

	"github.com/ebbnode/ebbnode/benchmarks/speedup/work"
)

func main() { work.Main() }
