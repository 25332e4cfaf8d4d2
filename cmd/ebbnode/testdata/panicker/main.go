// Command panicker is a stand-in native runtime that panics at once: an
// app image built on it shows how `ebbnode run` reports a guest that dies
// without reporting an exit over the Messenger.
package main

import _ "github.com/ebbnode/ebbnode/kernel"

func main() {
	panic("deliberate guest panic")
}
