package virtio

import (
	"bytes"
	"fmt"
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

// Buffers per port: maxBufs each way, bufSize bytes to receive (QEMU
// fills at most 4 KiB per buffer) and txSize to transmit (fewer, larger
// buffers mean fewer device notifications and host writes).
const (
	bufSize  = 4096
	txSize   = 16 << 10
	maxBufs  = 16
	msixSlot = 0
)

// featMultiport is VIRTIO_CONSOLE_F_MULTIPORT (virtio 1.x, 5.3.3): control
// queues and ports beyond 0.
const featMultiport = 1 << 1

// Console is one port of a virtio-serial device, a byte stream in each
// direction (QEMU: -device virtio-serial-pci-transitional on q35 or
// virtio-serial-device on microvm, plus one port device; see OpenConsole,
// OpenConsoleMMIO and OpenConsoleAuto).
//
// When the device offers MULTIPORT (QEMU's default) the driver negotiates
// it and drives the first port the device announces: port 0 for a
// virtconsole, port 1 for a lone virtserialport. Only a virtserialport is
// flow-controlled by QEMU (it pauses the guest's transmit queue while the
// host socket is full; a console port drops the data instead), so the
// Messenger uses one. The driver holds its writes until the host side of
// the port is open (PORT_OPEN): QEMU discards what a port receives while
// no host is connected. Without MULTIPORT it drives port 0 alone, with no
// open/close signalling.
//
// Read and Write may be called from different goroutines; concurrent
// Writes are serialised, as are concurrent Reads.
type Console struct {
	t      transport
	vector int
	irqs   atomic.Uint64 // wakeups by the interrupt (Interrupts)

	mu    sync.Mutex
	cond  *sync.Cond
	in    bytes.Buffer // received, not yet read
	ports [2]*portQueues
	// active is the port the driver serves (-1 until the device names
	// one); hostOpen says the host side is connected.
	active   int
	hostOpen bool
	ctl      *control // nil without MULTIPORT
	err      error    // sticky: the interrupt loop failed
	wmu      sync.Mutex
}

// OpenConsole finds the first transitional virtio console on bus 0 and
// starts its driver; interrupts arrive on vector through MSI-X.
func OpenConsole(cfg pci.Config, vector int) (*Console, error) {
	d, t, err := openLegacyPCI(cfg, ConsoleDeviceID, "virtio console (1af4:1003)")
	if err != nil {
		return nil, err
	}
	feat := t.features() & featMultiport
	t.ack(feat)
	if err := d.EnableMSIX(msixSlot, vector); err != nil {
		t.setStatus(statusFailed)
		return nil, err
	}
	t.setConfigVector(noVector)
	return startConsole(t, vector, feat != 0)
}

// Queue numbers (virtio 1.x, 5.3.2): port 0 on 0 and 1, the control
// queues on 2 and 3, port n > 0 on 2n+2 and 2n+3.
func portQueueIndex(port int) (rx, tx uint16) {
	if port == 0 {
		return 0, 1
	}
	return uint16(2*port + 2), uint16(2*port + 3)
}

// startConsole sets up the queues of a console whose features t has
// negotiated, sets DRIVER_OK and starts the interrupt goroutine, which
// waits on vector. With multiport it sets up ports 0 and 1 (queues must
// be live before DRIVER_OK) and the control queues, and tells the device
// it is ready.
func startConsole(t transport, vector int, multiport bool) (*Console, error) {
	c := &Console{t: t, vector: vector, active: 0, hostOpen: true}
	c.cond = sync.NewCond(&c.mu)
	// Clear any cause the device raised before its interrupt was routed:
	// on an edge-triggered wire only a fresh assertion interrupts.
	c.t.interruptAck()
	nports := 1
	if multiport {
		nports = 2
		c.active, c.hostOpen = -1, false
	}
	for p := 0; p < nports; p++ {
		pq, err := c.setupPort(p)
		if err != nil {
			return nil, err
		}
		c.ports[p] = pq
	}
	if multiport {
		ctl, err := c.setupControl()
		if err != nil {
			return nil, err
		}
		c.ctl = ctl
	}
	c.t.setStatus(c.t.status() | statusDriverOK)

	c.mu.Lock()
	for _, pq := range c.ports[:nports] {
		for i := 0; i < maxBufs; i++ {
			pq.postRx(i)
		}
		c.t.notify(pq.rxq)
	}
	if c.ctl != nil {
		c.ctl.start(c)
	}
	c.mu.Unlock()
	go c.interrupts()
	return c, nil
}

// ring allocates queue i (the device's size) with nbufs buffers of size
// bytes each and makes it live.
func (c *Console) ring(i uint16, nbufs, size int) (*queue, []byte, uint64, error) {
	n := c.t.queueSize(i)
	if n == 0 {
		c.t.setStatus(statusFailed)
		return nil, nil, 0, fmt.Errorf("virtio: console has no queue %d", i)
	}
	if int(n) < nbufs {
		c.t.setStatus(statusFailed)
		return nil, nil, 0, fmt.Errorf("virtio: console queue %d has %d entries, need %d", i, n, nbufs)
	}
	mem, pa, err := kernel.AllocDMA(ringSize(n))
	if err != nil {
		return nil, nil, 0, err
	}
	q, err := newQueue(n, mem)
	if err != nil {
		return nil, nil, 0, err
	}
	bufs, bpa, err := kernel.AllocDMA(nbufs * size)
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
// received data, control messages and finished transmissions.
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
	for p, pq := range c.ports {
		if pq == nil {
			continue
		}
		var sink *bytes.Buffer
		if p == c.active {
			sink = &c.in
		}
		if pq.drainRx(sink) {
			c.t.notify(pq.rxq)
		}
		pq.drainTx()
	}
	if c.ctl != nil {
		c.ctl.service(c)
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
// buffers are in flight. Before the host side is open the bytes wait in
// the driver's buffers (Write blocks once those are full) and go out when
// it opens.
func (c *Console) Write(p []byte) (int, error) {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	written := 0
	for len(p) > 0 {
		c.mu.Lock()
		pq, slot, err := c.freeTxSlot()
		if err != nil {
			c.mu.Unlock()
			return written, err
		}
		// Fill every free slot the data needs, then notify once.
		posted := false
		for ; slot >= 0 && len(p) > 0; slot = pq.freeSlot() {
			n := pq.fill(slot, p)
			if c.hostOpen {
				pq.postTx(slot)
				posted = true
			} else {
				pq.held = append(pq.held, slot)
			}
			p = p[n:]
			written += n
		}
		if posted {
			c.t.notify(pq.txq)
		}
		c.mu.Unlock()
	}
	return written, nil
}

// freeTxSlot waits until the device has named the port and a transmit
// buffer of it is free.
func (c *Console) freeTxSlot() (*portQueues, int, error) {
	for c.err == nil {
		if c.active >= 0 {
			pq := c.ports[c.active]
			if slot := pq.freeSlot(); slot >= 0 {
				return pq, slot, nil
			}
		}
		c.cond.Wait()
	}
	return nil, -1, c.err
}

// Flush blocks until the device has consumed every queued write.
func (c *Console) Flush() error {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	c.mu.Lock()
	defer c.mu.Unlock()
	for c.err == nil {
		busy := false
		for _, pq := range c.ports {
			busy = busy || (pq != nil && pq.busy())
		}
		if !busy {
			return nil
		}
		c.cond.Wait()
	}
	return c.err
}

// HostOpen reports whether the host side of the port is connected (always
// true without MULTIPORT, which has no way to tell).
func (c *Console) HostOpen() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.hostOpen
}

// Port returns the port number the driver serves, -1 while the device has
// not announced one.
func (c *Console) Port() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.active
}

// Interrupts returns how many times the device's interrupt has woken the
// driver (interrupts that arrive while it works count once).
func (c *Console) Interrupts() uint64 { return c.irqs.Load() }

// Transport names the transport the console runs over: "pci-legacy",
// "mmio-v1" (legacy virtio-mmio) or "mmio-v2" (virtio 1.x virtio-mmio).
func (c *Console) Transport() string { return c.t.name() }

// openLegacyPCI finds the first transitional virtio device with PCI id on
// bus 0, checks that BAR0 is its legacy I/O block, resets it and announces
// a driver (virtio 1.x, 3.1.2 legacy sequence). The caller negotiates
// features and wires its interrupts.
func openLegacyPCI(cfg pci.Config, id uint16, what string) (pci.Device, legacy, error) {
	// Under qboot the BARs are still unassigned.
	if err := pci.AssignBARs(cfg); err != nil {
		return pci.Device{}, legacy{}, err
	}
	d, ok := pci.Find(cfg, VendorID, id)
	if !ok {
		return d, legacy{}, fmt.Errorf("virtio: no transitional %s on PCI bus 0", what)
	}
	bar, err := d.BAR(0)
	if err != nil {
		return d, legacy{}, err
	}
	if !bar.Valid || !bar.IO {
		return d, legacy{}, fmt.Errorf("virtio: %v: BAR0 %+v is not the legacy I/O block (use a transitional device)", d, bar)
	}
	t := legacy{io: uint16(bar.Addr)}
	t.setStatus(0)
	t.setStatus(statusAck | statusDriver)
	return d, t, nil
}
