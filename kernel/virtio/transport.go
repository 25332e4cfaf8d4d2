package virtio

// transport is what a driver needs from a virtio transport once feature
// negotiation is done: legacy PCI (legacy.go) or virtio-mmio (mmio.go).
// Its methods touch device registers only. queueSize and setQueue go
// through a selector register and run only while the driver starts;
// notify and interruptAck write single registers and may run concurrently.
type transport interface {
	// name identifies the transport in messages ("pci-legacy", "mmio-v1", "mmio-v2").
	name() string
	status() uint8
	setStatus(s uint8)
	// queueSize selects queue i and returns the size the driver must use
	// (0: no such queue).
	queueSize(i uint16) uint16
	// setQueue gives queue i (of size q.n) the ring laid out by q at
	// physical address pa and makes it live.
	setQueue(i uint16, q *queue, pa uint64) error
	notify(i uint16)
	// interruptAck acknowledges the device's interrupt; it is called after
	// each interrupt, before the driver looks at the rings. A no-op where
	// the interrupt is a message (MSI-X).
	interruptAck()
}
