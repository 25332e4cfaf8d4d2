package virtio

import (
	"fmt"
	"math/bits"
	"net"
	"sync"
	"sync/atomic"

	"github.com/ebbnode/ebbnode/kernel"
	"github.com/ebbnode/ebbnode/kernel/pci"
)

// Device ids of a virtio network device: transitional PCI (QEMU
// virtio-net-pci with its legacy I/O BAR) and virtio-mmio type 1.
const (
	NetDeviceID     = 0x1000
	NetMMIODeviceID = 1
)

// virtio-net feature bits (virtio 1.x, 5.1.3) the driver may accept.
// CSUM and GUEST_CSUM are left off: gVisor's stack decides receive
// checksum validation for a whole NIC (not per packet, as the
// header's DATA_VALID flag would need), and it leaves the transmit
// checksum at 0 when offloaded instead of seeding it with the
// pseudo-header sum virtio's NEEDS_CSUM requires (it does that only on its
// GSO path, which this driver does not offer).
const (
	netFeatMTU      = 1 << 3
	netFeatMAC      = 1 << 5
	netFeatMrgRxbuf = 1 << 15
	netFeatStatus   = 1 << 16

	netWantFeatures = netFeatMTU | netFeatMAC | netFeatMrgRxbuf | netFeatStatus
)

// Device configuration offsets (virtio 1.x, 5.1.4).
const (
	netCfgMAC    = 0
	netCfgStatus = 6
	netCfgMTU    = 10

	netStatusLinkUp = 1
)

// Queues of the first (only) queue pair.
const (
	netRxQueue = 0
	netTxQueue = 1
)

// DefaultMTU is the MTU when the device does not offer one.
const DefaultMTU = 1500

// ethHeaderLen is an Ethernet header without VLAN tag; frames carry no FCS.
const ethHeaderLen = 14

// Net is a virtio network device: Ethernet frames in each direction over
// one receive and one transmit queue (QEMU: -device
// virtio-net-pci-transitional on q35, virtio-net-device on microvm; see
// OpenNetAuto).
//
// Every receive buffer the ring has room for stays posted: each is
// reposted as soon as its frame has been handed to the receiver.
// Receiving is NAPI-style: the device interrupts once, the driver
// goroutine turns the receive queue's interrupts off and takes frames until
// the ring is empty, then turns them back on and checks once more.
// Transmit completions never interrupt (the transmit queue's interrupts
// stay off): Transmit reclaims finished buffers itself, and polls while
// every buffer is in flight.
//
// Interrupts reach the driver goroutine through the vector's IRQ
// descriptor (kernel.OpenIRQ): the goroutine parks in the Go runtime's
// netpoller, holding no thread or P. On a kernel without IRQ descriptors
// it falls back to kernel.WaitIRQ, a thread parked in a blocking system
// call (the runtime hands its P on while it waits).
type Net struct {
	t       transport
	vector  int
	feat    uint64
	mac     net.HardwareAddr
	mtu     int
	hdrLen  int // virtio_net_hdr: 10 bytes, 12 with MRG_RXBUF or VERSION_1
	bufSize int // bytes per receive and transmit buffer
	linkFn  func() bool

	rx    *queue
	rxBuf []byte
	rxPA  uint64
	recv  atomic.Pointer[func(frame []byte)]

	txmu  sync.Mutex
	tx    *queue
	txBuf []byte
	txPA  uint64
	err   error // sticky: the interrupt loop failed (under txmu)

	stats   netStats
	irqMode atomic.Value // string: how the driver waits (IRQMode)
}

// NetStats are the driver's counters (NetStats).
type NetStats struct {
	Interrupts  uint64 // wakeups by the device's interrupt
	Polls       uint64 // extra passes over the receive ring without an interrupt
	RxFrames    uint64
	RxDropped   uint64 // frames arriving with no receiver set, or malformed
	TxFrames    uint64
	TxWaits     uint64 // Transmits that found every buffer in flight
	RxNanos     uint64 // time spent in the receive path, receiver included
	RecvNanos   uint64 // of which in the receiver (the stack)
	TxNanos     uint64 // time spent queueing frames (Queue)
	KickNanos   uint64 // time spent notifying the device (Kick)
	RxBatchMax  uint64 // most frames taken in one pass
	TxReclaimed uint64
	TxKicks     uint64 // transmit notifications (the device asked for none for the others)
	// Medians, to a power of two: per frame, the driver's receive path
	// (receiver excluded) and Queue; per notification, Kick.
	RxDriverMedianNanos, TxMedianNanos, KickMedianNanos uint64
}

type netStats struct {
	irqs, polls, rxFrames, rxDropped, txFrames, txWaits, txKicks atomic.Uint64
	rxNanos, recvNanos, txNanos, rxBatchMax, txReclaimed         atomic.Uint64
	// Per-frame times by power of two (bucket i: below 2^i ns), for
	// medians that a few slow frames (a descheduled vCPU) do not move.
	rxHist, txHist, kickHist hist
	kickNanos                atomic.Uint64
}

type hist [40]atomic.Uint64

func (h *hist) add(ns uint64) { h[min(bits.Len64(ns), len(h)-1)].Add(1) }

// median returns the upper bound of the bucket holding the median.
func (h *hist) median() uint64 {
	var total, seen uint64
	for i := range h {
		total += h[i].Load()
	}
	for i := range h {
		if seen += h[i].Load(); total > 0 && 2*seen >= total {
			return 1 << i
		}
	}
	return 0
}

// OpenNetAuto opens the first virtio network device of either machine:
// the transitional PCI device on q35, else a virtio-mmio device on
// microvm. Interrupts arrive on vector.
func OpenNetAuto(vector int) (*Net, error) {
	if _, ok := pci.Find(pci.Ports{}, VendorID, NetDeviceID); ok {
		return OpenNetPCI(pci.Ports{}, vector)
	}
	devs := ScanMMIO()
	for _, d := range devs {
		if d.DeviceID == NetMMIODeviceID {
			return d.OpenNet(vector)
		}
	}
	return nil, fmt.Errorf("virtio: no network device: no transitional virtio-net (1af4:1000) on PCI bus 0, none among %d virtio-mmio devices", len(devs))
}

// HasNet reports whether OpenNetAuto would find a device to open.
func HasNet() bool {
	if _, ok := pci.Find(pci.Ports{}, VendorID, NetDeviceID); ok {
		return true
	}
	for _, d := range ScanMMIO() {
		if d.DeviceID == NetMMIODeviceID {
			return true
		}
	}
	return false
}

// OpenNetPCI starts the driver on the first transitional virtio-net device
// on bus 0; interrupts arrive on vector through MSI-X.
func OpenNetPCI(cfg pci.Config, vector int) (*Net, error) {
	d, t, err := openLegacyPCI(cfg, NetDeviceID, "virtio-net (1af4:1000)")
	if err != nil {
		return nil, err
	}
	feat, _ := t.negotiateFeatures(netWantFeatures)
	if err := d.EnableMSIX(msixSlot, vector); err != nil {
		t.setStatus(statusFailed)
		return nil, err
	}
	t.setConfigVector(noVector)
	return startNet(t, t, vector, feat)
}

// OpenNet starts the driver on d (a device of type 1); interrupts arrive
// on vector through the I/O APIC.
func (d MMIODevice) OpenNet(vector int) (*Net, error) {
	if d.DeviceID != NetMMIODeviceID {
		return nil, fmt.Errorf("virtio: virtio-mmio device at %#x has type %d, not a network device", d.Addr, d.DeviceID)
	}
	t := &mmio{r: mmioWindow(d.Addr), version: d.Version}
	t.setStatus(0)
	t.setStatus(statusAck | statusDriver)
	feat, err := t.negotiateFeatures(netWantFeatures)
	if err != nil {
		t.setStatus(statusFailed)
		return nil, fmt.Errorf("virtio: virtio-mmio network device at %#x: %w", d.Addr, err)
	}
	if err := kernel.RouteGSI(d.GSI, vector); err != nil {
		t.setStatus(statusFailed)
		return nil, fmt.Errorf("virtio: virtio-mmio network device at %#x: %w", d.Addr, err)
	}
	return startNet(t, t, vector, feat)
}

// startNet reads the configuration, sets up both queues, fills the
// receive ring, sets DRIVER_OK and starts the interrupt goroutine.
func startNet(t transport, cfg featureNegotiator, vector int, feat uint64) (*Net, error) {
	n := newNetConfig(cfg, feat)
	n.t, n.vector = t, vector
	t.interruptAck()
	var err error
	if n.rx, n.rxBuf, n.rxPA, err = n.ring(netRxQueue); err != nil {
		return nil, err
	}
	if n.tx, n.txBuf, n.txPA, err = n.ring(netTxQueue); err != nil {
		return nil, err
	}
	n.tx.setInterrupts(false)
	t.setStatus(t.status() | statusDriverOK)
	n.fillRx()
	t.notify(netRxQueue)
	go n.interrupts(n.irqWaiter())
	return n, nil
}

// newNetConfig derives a Net's parameters from the accepted features and
// the device configuration.
func newNetConfig(cfg featureNegotiator, feat uint64) *Net {
	n := &Net{feat: feat, mtu: DefaultMTU, hdrLen: 10}
	if feat&(netFeatMrgRxbuf|featVersion1) != 0 {
		n.hdrLen = 12
	}
	if feat&netFeatMAC != 0 {
		n.mac = make(net.HardwareAddr, 6)
		for i := range n.mac {
			n.mac[i] = cfg.configByte(netCfgMAC + i)
		}
	}
	if feat&netFeatMTU != 0 {
		if m := int(cfg.configByte(netCfgMTU)) | int(cfg.configByte(netCfgMTU+1))<<8; m >= 68 {
			n.mtu = m
		}
	}
	n.linkFn = func() bool { return true }
	if feat&netFeatStatus != 0 {
		n.linkFn = func() bool { return cfg.configByte(netCfgStatus)&netStatusLinkUp != 0 }
	}
	// One buffer holds a whole frame (with a VLAN tag) and its header, so
	// even with MRG_RXBUF a frame normally takes one buffer.
	n.bufSize = max(2048, align(n.hdrLen+ethHeaderLen+4+n.mtu, 512))
	return n
}

// ring allocates queue i at the device's size with one buffer per entry
// and makes it live.
func (n *Net) ring(i uint16) (*queue, []byte, uint64, error) {
	size := n.t.queueSize(i)
	if size == 0 {
		n.t.setStatus(statusFailed)
		return nil, nil, 0, fmt.Errorf("virtio: network device has no queue %d", i)
	}
	mem, pa, err := kernel.AllocDMA(ringSize(size))
	if err != nil {
		return nil, nil, 0, err
	}
	q, err := newQueue(size, mem)
	if err != nil {
		return nil, nil, 0, err
	}
	bufs, bpa, err := kernel.AllocDMA(int(size) * n.bufSize)
	if err != nil {
		return nil, nil, 0, err
	}
	if err := n.t.setQueue(i, q, pa); err != nil {
		n.t.setStatus(statusFailed)
		return nil, nil, 0, err
	}
	return q, bufs, bpa, nil
}

// IRQMode says how the driver goroutine waits for interrupts: "netpoll"
// (an IRQ descriptor in the Go netpoller) or "irq_wait" (kernel.WaitIRQ);
// "" until it has started.
func (n *Net) IRQMode() string {
	m, _ := n.irqMode.Load().(string)
	return m
}

// MAC returns the device's MAC address (nil if it offers none).
func (n *Net) MAC() net.HardwareAddr { return n.mac }

// MTU returns the largest IP packet a frame carries.
func (n *Net) MTU() int { return n.mtu }

// LinkUp reports the device's link status (always up without STATUS).
func (n *Net) LinkUp() bool { return n.linkFn() }

// Transport names the transport: "pci-legacy", "mmio-v1" or "mmio-v2".
func (n *Net) Transport() string { return n.t.name() }

// Features lists the optional features the device and driver agreed on.
func (n *Net) Features() []string {
	var out []string
	for _, f := range []struct {
		bit  uint64
		name string
	}{{netFeatMAC, "MAC"}, {netFeatStatus, "STATUS"}, {netFeatMTU, "MTU"}, {netFeatMrgRxbuf, "MRG_RXBUF"}, {featVersion1, "VERSION_1"}} {
		if n.feat&f.bit != 0 {
			out = append(out, f.name)
		}
	}
	return out
}

// SetReceiver sets the function each received frame (Ethernet header
// first, no FCS) is handed to, on the driver goroutine. frame is valid
// only during the call. Frames arriving while no receiver is set are
// dropped.
func (n *Net) SetReceiver(fn func(frame []byte)) { n.recv.Store(&fn) }

// Stats returns the driver's counters.
func (n *Net) Stats() NetStats {
	s := &n.stats
	return NetStats{
		Interrupts: s.irqs.Load(), Polls: s.polls.Load(),
		RxFrames: s.rxFrames.Load(), RxDropped: s.rxDropped.Load(),
		TxFrames: s.txFrames.Load(), TxWaits: s.txWaits.Load(),
		RxNanos: s.rxNanos.Load(), RecvNanos: s.recvNanos.Load(), TxNanos: s.txNanos.Load(),
		RxBatchMax: s.rxBatchMax.Load(), TxReclaimed: s.txReclaimed.Load(), TxKicks: s.txKicks.Load(),
		RxDriverMedianNanos: s.rxHist.median(), TxMedianNanos: s.txHist.median(),
		KickMedianNanos: s.kickHist.median(), KickNanos: s.kickNanos.Load(),
	}
}
