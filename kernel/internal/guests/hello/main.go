// Command hello is the smallest native guest: it prints one line and exits
// 0. Used while bringing the kernel up.
package main

import (
	"fmt"

	_ "github.com/ebbnode/ebbnode/kernel"
)

func main() {
	fmt.Println("hello from ebbnode")
}
