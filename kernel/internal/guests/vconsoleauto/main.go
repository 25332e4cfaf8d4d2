// Command vconsoleauto is the vconsole guest over virtio.OpenConsoleAuto,
// so it runs on q35 (legacy PCI) and microvm (virtio-mmio) alike: it says
// "ready <transport>" (before the host connects: the serial console then
// tells which port it uses and that the host side was not open yet),
// answers each line in upper case until "quit", sends 64 KiB, and reports
// on the serial console how many interrupts the driver took.
package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"

	"github.com/ebbnode/ebbnode/kernel"
	"github.com/ebbnode/ebbnode/kernel/virtio"
)

func main() {
	for _, d := range virtio.ScanMMIO() {
		fmt.Printf("virtio-mmio slot %d at %#x: version %d device %d gsi %d\n", d.Slot, d.Addr, d.Version, d.DeviceID, d.GSI)
	}
	c, err := virtio.OpenConsoleAuto(kernel.FirstDeviceVector + 2)
	if err != nil {
		fmt.Println("FAIL:", err)
		os.Exit(1)
	}
	fmt.Fprintf(c, "ready %s\n", c.Transport())
	fmt.Printf("vconsoleauto: queued before host: port %d host open %v\n", c.Port(), c.HostOpen())
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
	big := strings.Repeat("0123456789abcdef", 4096) // 64 KiB: many transmit buffers
	fmt.Fprintf(c, "big %d %s\n", len(big), big)
	if err := c.Flush(); err != nil {
		fmt.Println("FAIL: flush:", err)
		os.Exit(1)
	}
	fmt.Printf("vconsoleauto: %s: %d lines echoed, %d interrupts\n", c.Transport(), lines, c.Interrupts())
}
