// Command hello is the test payload of linuxvm's boot test: it prints its
// arguments and exits with the status given as its last argument.
package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
)

func main() {
	fmt.Println("hello from the VM:", strings.Join(os.Args[1:], " "))
	code, _ := strconv.Atoi(os.Args[len(os.Args)-1])
	os.Exit(code)
}
