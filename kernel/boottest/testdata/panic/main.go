// Command panic panics without recovering: the Go runtime must print its
// backtrace on the console and exit with status 2.
package main

import _ "github.com/ebbnode/ebbnode/kernel"

func main() {
	panic("guest panic on purpose")
}
