// Command signals makes the CPU exceptions a bad instruction stream
// raises in Go code and shows that each arrives as the signal Linux sends:
// a hardware divide by zero (#DE) as SIGFPE, which the runtime turns into
// a recoverable "integer divide by zero" panic; a load from a
// non-canonical address (#GP) as SIGSEGV with no fault address, a
// recoverable panic under debug.SetPanicOnFault; and an undefined
// instruction (#UD) as SIGILL, which the runtime reports and exits 2 on,
// as on Linux.
package main

import (
	"fmt"
	"runtime/debug"

	_ "github.com/ebbnode/ebbnode/kernel"
)

// Assembly (signals_amd64.s): each raises its exception.
func divZero(x uint64) uint64
func loadNonCanonical() uint64
func ud2()

func try(name string, f func()) {
	defer func() {
		fmt.Printf("%s: recovered %v\n", name, recover())
	}()
	f()
	fmt.Printf("%s: no fault\n", name)
}

func main() {
	try("#DE", func() { divZero(1) })
	debug.SetPanicOnFault(true)
	try("#GP", func() { loadNonCanonical() })
	fmt.Println("#UD: next")
	ud2()
	fmt.Println("#UD: no fault")
}
