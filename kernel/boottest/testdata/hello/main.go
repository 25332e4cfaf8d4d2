// Command hello is the smallest guest: one line on the console, exit 0.
package main

import (
	"fmt"

	_ "github.com/ebbnode/ebbnode/kernel"
)

func main() {
	fmt.Println("hello from ebbnode")
}
