// Command modules prints the boot modules the kernel received (QEMU
// -initrd), with a checksum of each, after using most of the VM's memory:
// the module's frames must not have been handed out.
package main

import (
	"fmt"
	"hash/crc32"

	"github.com/ebbnode/ebbnode/kernel"
)

var hold [][]byte

func main() {
	for i := 0; i < 16; i++ { // 16 MiB: small frames come from the top, where QEMU puts the module
		b := make([]byte, 1<<20)
		for j := 0; j < len(b); j += 4096 {
			b[j] = 0xee
		}
		hold = append(hold, b)
	}
	mods := kernel.Modules()
	fmt.Printf("modules=%d\n", len(mods))
	for i, m := range mods {
		fmt.Printf("module %d: size=%d crc=%08x head=%q\n", i, len(m.Data), crc32.ChecksumIEEE(m.Data), m.Data[:min(len(m.Data), 16)])
	}
}
