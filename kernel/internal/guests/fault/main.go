// Command fault raises a CPU exception the kernel turns into no signal (a
// single-step trap, #DB, after setting RFLAGS.TF) in the Go world: it must
// print the trap with registers and a backtrace and exit with the
// kernel's fatal code. (#DE, #UD and #GP become signals: see
// kernel/boottest's TestExceptionSignals.)
package main

import (
	"fmt"

	_ "github.com/ebbnode/ebbnode/kernel"
)

// singleStep sets the trap flag, so the next instruction traps
// (singlestep_amd64.s).
func singleStep()

func main() {
	fmt.Println("about to single-step")
	singleStep()
	fmt.Println("single-step returned")
}
