// Command goja runs a recursive JavaScript fib(20) in goja inside the image.
package main

import (
	"fmt"
	"os"

	"github.com/dop251/goja"

	_ "github.com/ebbnode/ebbnode/kernel"
)

const script = `
function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
fib(20);
`

func main() {
	vm := goja.New()
	v, err := vm.RunString(script)
	if err != nil {
		fmt.Println("goja:", err)
		os.Exit(1)
	}
	fmt.Printf("fib(20)=%d\n", v.ToInteger())
}
