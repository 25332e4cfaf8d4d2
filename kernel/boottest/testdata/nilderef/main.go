// Command nilderef dereferences a nil pointer and recovers: the page fault
// must reach the Go runtime as SIGSEGV and become a runtime.Error panic.
package main

import (
	"fmt"
	"runtime"

	_ "github.com/ebbnode/ebbnode/kernel"
)

type node struct{ next *node }

// deref is not inlined so the load happens through a real pointer at run
// time rather than being folded by the compiler.
//
//go:noinline
func deref(n *node) *node { return n.next }

func main() {
	defer func() {
		r := recover()
		if err, ok := r.(runtime.Error); ok {
			fmt.Println("recovered runtime.Error:", err.Error())
			return
		}
		fmt.Printf("recovered something else: %v\n", r)
	}()
	deref(nil)
	fmt.Println("nil dereference did not fault")
}
