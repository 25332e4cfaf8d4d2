package virtio

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sync"
	"sync/atomic"

	"github.com/ebbnode/ebbnode/kernel"
	"github.com/ebbnode/ebbnode/kernel/pci"
)

// PCI ids of a transitional virtio console (virtio-serial) device.
const (
	VendorID        = 0x1af4
	ConsoleDeviceID = 0x1003
)

const (
	rxQueue  = 0
	txQueue  = 1
	bufSize  = 4096
	maxBufs  = 16
	msixSlot = 0
)

// Console is port 0 of a virtio-serial device (QEMU: -device
// virtio-serial-pci -device virtconsole,chardev=... on q35, or
// virtio-serial-device on microvm; see OpenConsole, OpenConsoleMMIO and
// OpenConsoleAuto), driven without the
// multiport feature: one receive and one transmit queue, a byte stream in
// each direction. Read and Write may be called from different goroutines;
// concurrent Writes are serialised, as are concurrent Reads.
type Console struct {
	t      transport
	vector int
	irqs   atomic.Uint64 // wakeups by the interrupt (Interrupts)
	rx, tx *queue
	rxBuf  []byte // maxBufs receive buffers, slot i at i*bufSize
	rxPA   uint64
	txBuf  []byte
	txPA   uint64

	mu     sync.Mutex
	cond   *sync.Cond
	in     bytes.Buffer // received, not yet read
	txBusy [maxBufs]bool
	// Buffer slot of each descriptor id in flight (the queue reuses ids in
	// its own order).
	rxSlot, txSlot []int
	err            error // sticky: the interrupt loop failed
	wmu            sync.Mutex
}

// OpenConsole finds the first transitional virtio console on bus 0 and
// starts its driver; interrupts arrive on vector through MSI-X.
func OpenConsole(cfg pci.Config, vector int) (*Console, error) {
	d, ok := pci.Find(cfg, VendorID, ConsoleDeviceID)
	if !ok {
		return nil, errors.New("virtio: no transitional virtio console (1af4:1003) on PCI bus 0")
	}
	bar, err := d.BAR(0)
	if err != nil {
		return nil, err
	}
	if !bar.Valid || !bar.IO {
		return nil, fmt.Errorf("virtio: %v: BAR0 %+v is not the legacy I/O block (use a transitional device)", d, bar)
	}
	t := legacy{io: uint16(bar.Addr)}

	// Reset, then announce ourselves (virtio 1.x, 3.1.2 legacy sequence).
	t.setStatus(0)
	t.setStatus(statusAck | statusDriver)
	t.ack(0) // no features: port 0 only, no control queues
	if err := d.EnableMSIX(msixSlot, vector); err != nil {
		t.setStatus(statusFailed)
		return nil, err
	}
	t.setConfigVector(noVector)
	return startConsole(t, vector)
}

// startConsole sets up the receive and transmit queues of a console whose
// features t has negotiated, sets DRIVER_OK and starts the interrupt
// goroutine, which waits on vector.
func startConsole(t transport, vector int) (*Console, error) {
	c := &Console{t: t, vector: vector}
	c.cond = sync.NewCond(&c.mu)
	// Clear any cause the device raised before its interrupt was routed:
	// on an edge-triggered wire only a fresh assertion interrupts.
	c.t.interruptAck()
	var err error
	if c.rx, c.rxBuf, c.rxPA, err = c.setupQueue(rxQueue); err != nil {
		return nil, err
	}
	if c.tx, c.txBuf, c.txPA, err = c.setupQueue(txQueue); err != nil {
		return nil, err
	}
	c.t.setStatus(c.t.status() | statusDriverOK)

	c.rxSlot = make([]int, c.rx.n)
	c.txSlot = make([]int, c.tx.n)
	for i := 0; i < maxBufs; i++ {
		c.postRx(i)
	}
	c.t.notify(rxQueue)
	go c.interrupts()
	return c, nil
}

// postRx hands receive buffer slot to the device.
func (c *Console) postRx(slot int) {
	if id, ok := c.rx.add(c.rxPA+uint64(slot*bufSize), bufSize, true); ok {
		c.rxSlot[id] = slot
	}
}

func (c *Console) setupQueue(i uint16) (*queue, []byte, uint64, error) {
	n := c.t.queueSize(i)
	if n == 0 {
		c.t.setStatus(statusFailed)
		return nil, nil, 0, fmt.Errorf("virtio: console has no queue %d", i)
	}
	ring, pa, err := kernel.AllocDMA(ringSize(n))
	if err != nil {
		return nil, nil, 0, err
	}
	q, err := newQueue(n, ring)
	if err != nil {
		return nil, nil, 0, err
	}
	bufs, bpa, err := kernel.AllocDMA(maxBufs * bufSize)
	if err != nil {
		return nil, nil, 0, err
	}
	if err := c.t.setQueue(i, q, pa); err != nil {
		c.t.setStatus(statusFailed)
		return nil, nil, 0, err
	}
	return q, bufs, bpa, nil
}

// interrupts is the driver goroutine: wait for the vector, then collect
// received data and finished transmissions.
func (c *Console) interrupts() {
	var seen uint64
	for {
		n, err := kernel.WaitIRQ(c.vector, seen, 0)
		if err != nil {
			c.mu.Lock()
			c.err = err
			c.cond.Broadcast()
			c.mu.Unlock()
			return
		}
		seen = n
		c.irqs.Add(1)
		// Acknowledge before looking at the rings: a buffer the device
		// finishes after the acknowledgement raises a new interrupt.
		c.t.interruptAck()
		c.service()
	}
}

func (c *Console) service() {
	c.mu.Lock()
	defer c.mu.Unlock()
	reposted := false
	for {
		id, n, ok := c.rx.used()
		if !ok {
			break
		}
		if n > bufSize {
			n = bufSize
		}
		slot := c.rxSlot[id]
		off := slot * bufSize
		c.in.Write(c.rxBuf[off : off+int(n)])
		c.postRx(slot)
		reposted = true
	}
	for {
		id, _, ok := c.tx.used()
		if !ok {
			break
		}
		c.txBusy[c.txSlot[id]] = false
	}
	if reposted {
		c.t.notify(rxQueue)
	}
	c.cond.Broadcast()
}

// Read reads received bytes, blocking until some arrive.
func (c *Console) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for c.in.Len() == 0 && c.err == nil {
		c.cond.Wait()
	}
	if c.in.Len() == 0 {
		return 0, c.err
	}
	return c.in.Read(p)
}

// Write queues p for transmission, in order, blocking while all transmit
// buffers are in flight.
func (c *Console) Write(p []byte) (int, error) {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	written := 0
	for len(p) > 0 {
		chunk := min(len(p), bufSize)
		c.mu.Lock()
		slot := -1
		for c.err == nil {
			for i := range c.txBusy {
				if !c.txBusy[i] {
					slot = i
					break
				}
			}
			if slot >= 0 {
				break
			}
			c.cond.Wait()
		}
		if c.err != nil {
			err := c.err
			c.mu.Unlock()
			return written, err
		}
		off := slot * bufSize
		copy(c.txBuf[off:], p[:chunk])
		id, ok := c.tx.add(c.txPA+uint64(off), uint32(chunk), false)
		if !ok { // cannot happen: at most maxBufs <= queue size in flight
			c.mu.Unlock()
			return written, io.ErrShortWrite
		}
		c.txSlot[id] = slot
		c.txBusy[slot] = true
		c.mu.Unlock()
		c.t.notify(txQueue)
		p = p[chunk:]
		written += chunk
	}
	return written, nil
}

// Flush blocks until the device has consumed every queued write.
func (c *Console) Flush() error {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	c.mu.Lock()
	defer c.mu.Unlock()
	for c.err == nil {
		busy := false
		for _, b := range c.txBusy {
			busy = busy || b
		}
		if !busy {
			return nil
		}
		c.cond.Wait()
	}
	return c.err
}

// Interrupts returns how many times the device's interrupt has woken the
// driver (interrupts that arrive while it works count once).
func (c *Console) Interrupts() uint64 { return c.irqs.Load() }

// Transport names the transport the console runs over: "pci-legacy",
// "mmio-v1" (legacy virtio-mmio) or "mmio-v2" (virtio 1.x virtio-mmio).
func (c *Console) Transport() string { return c.t.name() }
