// Command badframe is a stand-in native runtime that sends the host one
// Messenger frame with a reserved flag bit set and then idles: an app image
// built on it shows that `ebbnode run` stops QEMU at once on a protocol
// error, rather than waiting for --timeout.
package main

import (
	"time"

	"github.com/ebbnode/ebbnode/kernel"
	"github.com/ebbnode/ebbnode/kernel/virtio"
)

func main() {
	// The Messenger's console, as cmd/ebbnode-native opens it.
	con, err := virtio.OpenConsoleAuto(kernel.FirstDeviceVector + 1)
	if err != nil {
		panic(err)
	}
	// A frame header: length 0, type 1, flags 0x0002 (reserved), id 1.
	if _, err := con.Write([]byte{0, 0, 0, 0, 1, 0, 2, 0, 1, 0, 0, 0}); err != nil {
		panic(err)
	}
	for {
		time.Sleep(time.Hour)
	}
}
