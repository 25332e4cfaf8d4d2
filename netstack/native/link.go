package native

import (
	"net"
	"sync"

	"gvisor.dev/gvisor/pkg/buffer"
	"gvisor.dev/gvisor/pkg/tcpip"
	"gvisor.dev/gvisor/pkg/tcpip/header"
	"gvisor.dev/gvisor/pkg/tcpip/stack"
)

// Device is an Ethernet device: what the stack needs from a NIC driver
// (*virtio.Net is one; the tests wire two stacks through a fake).
type Device interface {
	// MAC is the device's address (nil: the stack makes one up).
	MAC() net.HardwareAddr
	// MTU is the largest IP packet a frame carries.
	MTU() int
	// Transmit sends one frame, Ethernet header first, made of parts.
	Transmit(parts ...[]byte) error
	// SetReceiver sets the function each received frame is handed to;
	// the frame is valid only during the call.
	SetReceiver(fn func(frame []byte))
}

// link is the gVisor link endpoint over a Device, carrying whole
// Ethernet frames; ethernet.New wraps it to add and parse the headers.
type link struct {
	dev  Device
	addr tcpip.LinkAddress

	mu      sync.RWMutex
	disp    stack.NetworkDispatcher
	onClose func()
}

var _ stack.LinkEndpoint = (*link)(nil)

func newLink(dev Device, mac net.HardwareAddr) *link {
	l := &link{dev: dev, addr: tcpip.LinkAddress(mac)}
	dev.SetReceiver(l.deliver)
	return l
}

// deliver hands a received frame to the stack. The frame is copied: the
// driver reuses its buffer as soon as this returns.
func (l *link) deliver(frame []byte) {
	l.mu.RLock()
	d := l.disp
	l.mu.RUnlock()
	if d == nil {
		return
	}
	pkt := stack.NewPacketBuffer(stack.PacketBufferOptions{Payload: buffer.MakeWithData(frame)})
	d.DeliverNetworkPacket(0, pkt) // the ethernet wrapper reads the type
	pkt.DecRef()
}

// BatchDevice is a Device that can queue several frames and notify the
// hardware once (*virtio.Net is one).
type BatchDevice interface {
	Device
	// Queue hands one frame to the device without notifying it.
	Queue(parts ...[]byte) error
	// Kick notifies the device of the frames queued.
	Kick()
}

// WritePackets sends each packet as one frame (the ethernet wrapper has
// pushed its header already), with one notification for the batch when
// the device can queue.
func (l *link) WritePackets(pkts stack.PacketBufferList) (int, tcpip.Error) {
	send := l.dev.Transmit
	bd, batch := l.dev.(BatchDevice)
	if batch {
		send = bd.Queue
		defer bd.Kick()
	}
	n := 0
	for _, pkt := range pkts.AsSlice() {
		if err := send(pkt.AsSlices()...); err != nil {
			if n == 0 {
				return 0, &tcpip.ErrClosedForSend{}
			}
			break
		}
		n++
	}
	return n, nil
}

// MTU counts the Ethernet header: the ethernet wrapper subtracts it.
func (l *link) MTU() uint32                        { return uint32(l.dev.MTU() + header.EthernetMinimumSize) }
func (l *link) SetMTU(uint32)                      {}
func (l *link) MaxHeaderLength() uint16            { return 0 }
func (l *link) LinkAddress() tcpip.LinkAddress     { return l.addr }
func (l *link) SetLinkAddress(a tcpip.LinkAddress) { l.addr = a }

// Capabilities: none (no checksum offload; see kernel/virtio.Net). The
// ethernet wrapper adds CapabilityResolutionRequired (ARP, NDP).
func (l *link) Capabilities() stack.LinkEndpointCapabilities { return 0 }

func (l *link) Attach(d stack.NetworkDispatcher) {
	l.mu.Lock()
	l.disp = d
	l.mu.Unlock()
}

func (l *link) IsAttached() bool {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return l.disp != nil
}

func (l *link) Wait()                                   {}
func (l *link) ARPHardwareType() header.ARPHardwareType { return header.ARPHardwareNone }
func (l *link) AddHeader(*stack.PacketBuffer)           {}
func (l *link) ParseHeader(*stack.PacketBuffer) bool    { return true }
func (l *link) SetOnCloseAction(fn func())              { l.onClose = fn }

func (l *link) Close() {
	if l.onClose != nil {
		l.onClose()
	}
}
