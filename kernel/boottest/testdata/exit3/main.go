// Command exit3 exits with status 3, which must come out of QEMU as the
// guest's exit code.
package main

import (
	"fmt"
	"os"

	_ "github.com/ebbnode/ebbnode/kernel"
)

func main() {
	fmt.Println("exiting with 3")
	os.Exit(3)
}
