// Command fault executes an invalid instruction in the Go world. The
// kernel delivers only SIGSEGV as a signal, so this is a fatal fault: it
// must print the trap with registers and a backtrace and exit with the
// kernel's fatal code.
package main

import (
	"fmt"

	_ "github.com/ebbnode/ebbnode/kernel"
)

// ud2 executes UD2 (ud2_amd64.s).
func ud2()

func main() {
	fmt.Println("about to execute ud2")
	ud2()
	fmt.Println("ud2 returned")
}
