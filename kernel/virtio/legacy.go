package virtio

import (
	"fmt"

	"github.com/ebbnode/ebbnode/kernel"
)

// legacy is the virtio legacy PCI interface (virtio 1.x, 4.1.4.8): a
// register block in I/O space (BAR0 of a transitional device). With MSI-X
// enabled two vector registers precede the device configuration.
type legacy struct{ io uint16 }

const (
	regHostFeatures  = 0x00
	regGuestFeatures = 0x04
	regQueuePFN      = 0x08
	regQueueNum      = 0x0C
	regQueueSel      = 0x0E
	regQueueNotify   = 0x10
	regStatus        = 0x12
	regISR           = 0x13
	regConfigVector  = 0x14 // MSI-X only
	regQueueVector   = 0x16 // MSI-X only
	noVector         = 0xffff

	statusAck      = 1
	statusDriver   = 2
	statusDriverOK = 4
	statusFailed   = 128
)

func (l legacy) status() uint8       { return kernel.Inb(l.io + regStatus) }
func (l legacy) setStatus(s uint8)   { kernel.Outb(l.io+regStatus, s) }
func (l legacy) features() uint32    { return kernel.Inl(l.io + regHostFeatures) }
func (l legacy) ack(f uint32)        { kernel.Outl(l.io+regGuestFeatures, f) }
func (l legacy) notify(queue uint16) { kernel.Outw(l.io+regQueueNotify, queue) }

// queueSize selects queue i and returns its size (0: no such queue).
func (l legacy) queueSize(i uint16) uint16 {
	kernel.Outw(l.io+regQueueSel, i)
	return kernel.Inw(l.io + regQueueNum)
}

// setQueue gives queue i its ring (4 KiB aligned, below 16 TiB: the PFN
// register has 32 bits) and MSI-X table entry msixSlot. The legacy
// interface has no size register: q.n must be queueSize(i).
func (l legacy) setQueue(i uint16, q *queue, pa uint64) error {
	if pa&4095 != 0 || pa>>12 > 0xffffffff {
		return fmt.Errorf("virtio: legacy queue %d: ring address %#x is not a 32-bit page number", i, pa)
	}
	kernel.Outw(l.io+regQueueSel, i)
	kernel.Outw(l.io+regQueueVector, msixSlot)
	kernel.Outl(l.io+regQueuePFN, uint32(pa>>12))
	return nil
}

func (legacy) name() string { return "pci-legacy" }

// interruptAck does nothing: with MSI-X the device keeps no interrupt
// state for the driver to clear (the ISR register is for INTx).
func (legacy) interruptAck() {}

func (l legacy) setConfigVector(v uint16) { kernel.Outw(l.io+regConfigVector, v) }
