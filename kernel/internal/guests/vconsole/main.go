// Command vconsole talks to the host over a virtio console: it says
// "ready" (then tells on the serial console whether the host side was
// open yet), reads lines and answers each in upper case, until "quit".
package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"

	"github.com/ebbnode/ebbnode/kernel"
	"github.com/ebbnode/ebbnode/kernel/pci"
	"github.com/ebbnode/ebbnode/kernel/virtio"
)

func main() {
	c, err := virtio.OpenConsole(pci.Ports{}, kernel.FirstDeviceVector+1)
	if err != nil {
		fmt.Println("FAIL:", err)
		os.Exit(1)
	}
	fmt.Fprintf(c, "ready\n")
	fmt.Printf("vconsole: queued before host: port %d host open %v\n", c.Port(), c.HostOpen())
	r := bufio.NewReader(c)
	lines := 0
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			fmt.Println("FAIL: read:", err)
			os.Exit(1)
		}
		line = strings.TrimSuffix(line, "\n")
		if line == "quit" {
			break
		}
		lines++
		fmt.Fprintf(c, "echo: %s\n", strings.ToUpper(line))
	}
	// A large write crosses several transmit buffers.
	big := strings.Repeat("0123456789abcdef", 4096) // 64 KiB
	fmt.Fprintf(c, "big %d %s\n", len(big), big)
	if err := c.Flush(); err != nil {
		fmt.Println("FAIL: flush:", err)
		os.Exit(1)
	}
	fmt.Printf("vconsole: %d lines echoed\n", lines)
}
