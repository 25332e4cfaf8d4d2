// Command badguest is a native guest that breaks the Messenger protocol:
// after a correct handshake it sends a frame with reserved flag bits set,
// then waits for the host to end the stream (TestNativeMalformedFrame).
package main

import (
	"fmt"
	"os"

	"github.com/ebbnode/ebbnode/kernel"
	"github.com/ebbnode/ebbnode/kernel/virtio"
	"github.com/ebbnode/ebbnode/runtime/messenger"
)

func main() {
	con, err := virtio.OpenConsoleAuto(kernel.FirstDeviceVector + 2)
	if err != nil {
		fmt.Println("FAIL:", err)
		os.Exit(1)
	}
	c, err := messenger.NewClient(con)
	if err != nil {
		fmt.Println("FAIL: handshake:", err)
		os.Exit(1)
	}
	// An Args request (type 2, id 1, empty) with flag bit 2 set.
	con.Write([]byte{0, 0, 0, 0, 2, 0, 4, 0, 1, 0, 0, 0})
	if err := con.Flush(); err != nil {
		fmt.Println("FAIL: flush:", err)
		os.Exit(1)
	}
	// The host ends the stream; the test then stops QEMU.
	_, _, err = c.Args()
	fmt.Println("badguest: after the bad frame:", err)
	select {}
}
