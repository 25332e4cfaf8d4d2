// Command edu drives QEMU's "edu" teaching device (-device edu) through
// the kernel's driver API: PCI enumeration and BARs, MMIO registers, MSI
// delivered to a goroutine blocked in kernel.WaitIRQ, and DMA between
// kernel.AllocDMA memory and the device.
package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/ebbnode/ebbnode/kernel"
	"github.com/ebbnode/ebbnode/kernel/pci"
)

// edu registers (QEMU docs/specs/edu.rst).
const (
	regID       = 0x00
	regLive     = 0x04
	regIRQStat  = 0x24
	regIRQRaise = 0x60
	regIRQAck   = 0x64
	regDMASrc   = 0x80
	regDMADst   = 0x88
	regDMACount = 0x90
	regDMACmd   = 0x98
	dmaStart    = 1
	dmaToRAM    = 2
	dmaIRQ      = 4
	dmaIRQBit   = 0x100
	devBuf      = 0x40000 // the device's internal buffer, as a DMA address
)

func fail(format string, args ...any) {
	fmt.Printf("FAIL: "+format+"\n", args...)
	os.Exit(1)
}

func main() {
	// qboot leaves BARs unassigned: a driver assigns them first.
	if err := pci.AssignBARs(pci.Ports{}); err != nil {
		fail("%v", err)
	}
	d, ok := pci.Find(pci.Ports{}, 0x1234, 0x11e8)
	if !ok {
		fail("no edu device on bus 0")
	}
	bar, err := d.BAR(0)
	if err != nil || !bar.Valid || bar.IO {
		fail("BAR0 %+v, %v", bar, err)
	}
	d.EnableMemory()
	reg := func(off uintptr) uintptr { return uintptr(bar.Addr) + off }
	id := kernel.Read32(reg(regID))
	kernel.Write32(reg(regLive), 0x12345678)
	live := kernel.Read32(reg(regLive)) == ^uint32(0x12345678)

	vec := kernel.FirstDeviceVector
	if err := d.EnableMSI(vec); err != nil {
		fail("%v", err)
	}
	// Two raised interrupts, each acknowledged: the counts must step.
	var seen uint64
	var counts []uint64
	for i := 0; i < 2; i++ {
		kernel.Write32(reg(regIRQRaise), 0x5)
		n, err := kernel.WaitIRQ(vec, seen, 5*time.Second)
		if err != nil {
			fail("interrupt %d: %v", i, err)
		}
		st := kernel.Read32(reg(regIRQStat))
		kernel.Write32(reg(regIRQAck), st)
		counts = append(counts, n)
		seen = n
	}
	_, err = kernel.WaitIRQ(vec, seen, 20*time.Millisecond)
	timeout := errors.Is(err, kernel.ErrTimeout)

	// DMA: RAM -> device buffer -> another RAM buffer, the second step
	// signalled by an interrupt.
	src, srcPA, err := kernel.AllocDMA(4096)
	if err != nil {
		fail("%v", err)
	}
	dst, dstPA, err := kernel.AllocDMA(4096)
	if err != nil {
		fail("%v", err)
	}
	msg := []byte("DMA through the edu device, byte for byte")
	copy(src, msg)
	dma := func(from, to uint64, cmd uint32) {
		kernel.Write32(reg(regDMASrc), uint32(from))
		kernel.Write32(reg(regDMADst), uint32(to))
		kernel.Write32(reg(regDMACount), uint32(len(msg)))
		kernel.Write32(reg(regDMACmd), cmd)
	}
	dma(srcPA, devBuf, dmaStart)
	for deadline := time.Now().Add(5 * time.Second); kernel.Read32(reg(regDMACmd))&dmaStart != 0; {
		if time.Now().After(deadline) {
			fail("DMA to the device did not finish")
		}
		time.Sleep(time.Millisecond)
	}
	dma(devBuf, dstPA, dmaStart|dmaToRAM|dmaIRQ)
	n, err := kernel.WaitIRQ(vec, seen, 5*time.Second)
	if err != nil {
		fail("DMA interrupt: %v", err)
	}
	st := kernel.Read32(reg(regIRQStat))
	kernel.Write32(reg(regIRQAck), st)
	fmt.Printf("edu id=%#x live=%v irqs=%v timeout=%v dma-irq=%d dma-status=%#x dma=%v zero-tail=%v\n",
		id&0xff, live, counts, timeout, n, st, bytes.Equal(dst[:len(msg)], msg), dst[len(msg)] == 0 && srcPA%4096 == 0)
}
