package virtio

import (
	"bytes"
	"testing"
	"time"
)

// fakeNetDev is a network device's transport and configuration: it
// records notifications and serves a MAC and an MTU.
type fakeNetDev struct {
	cfg      [12]byte
	notified []uint16
}

func (f *fakeNetDev) name() string                               { return "fake" }
func (f *fakeNetDev) status() uint8                              { return 0 }
func (f *fakeNetDev) setStatus(uint8)                            {}
func (f *fakeNetDev) queueSize(uint16) uint16                    { return 8 }
func (f *fakeNetDev) setQueue(uint16, *queue, uint64) error      { return nil }
func (f *fakeNetDev) notify(i uint16)                            { f.notified = append(f.notified, i) }
func (f *fakeNetDev) interruptAck()                              {}
func (f *fakeNetDev) negotiateFeatures(w uint64) (uint64, error) { return w, nil }
func (f *fakeNetDev) configByte(off int) uint8                   { return f.cfg[off] }

const (
	fakeRxPA = 0x100000
	fakeTxPA = 0x200000
)

// fakeNet is a Net over plain memory with 8-entry queues, the device side
// played by ring_test's device.
func fakeNet(t *testing.T, feat uint64) (*Net, *fakeNetDev, *device, *device) {
	t.Helper()
	f := &fakeNetDev{}
	copy(f.cfg[:], []byte{2, 0, 0, 0xab, 0xcd, 0xef, 1, 0, 0, 0, 0xdc, 0x05}) // MTU 1500
	n := newNetConfig(f, feat)
	n.t = f
	var err error
	if n.rx, err = newQueue(8, make([]byte, ringSize(8))); err != nil {
		t.Fatal(err)
	}
	if n.tx, err = newQueue(8, make([]byte, ringSize(8))); err != nil {
		t.Fatal(err)
	}
	n.rxBuf, n.rxPA = make([]byte, 8*n.bufSize), fakeRxPA
	n.txBuf, n.txPA = make([]byte, 8*n.bufSize), fakeTxPA
	n.tx.setInterrupts(false)
	n.fillRx()
	return n, f, &device{q: n.rx}, &device{q: n.tx}
}

func TestNetConfig(t *testing.T) {
	n, _, _, _ := fakeNet(t, netFeatMAC|netFeatMTU|netFeatStatus)
	if n.MAC().String() != "02:00:00:ab:cd:ef" || n.MTU() != 1500 || !n.LinkUp() {
		t.Errorf("MAC %s MTU %d link %v", n.MAC(), n.MTU(), n.LinkUp())
	}
	if n.hdrLen != 10 {
		t.Errorf("legacy header without MRG_RXBUF: %d bytes, want 10", n.hdrLen)
	}
	if n2, _, _, _ := fakeNet(t, netFeatMrgRxbuf); n2.hdrLen != 12 || n2.MAC() != nil {
		t.Errorf("with MRG_RXBUF: header %d, MAC %v; want 12, none", n2.hdrLen, n2.MAC())
	}
	if n3, _, _, _ := fakeNet(t, featVersion1); n3.hdrLen != 12 {
		t.Errorf("with VERSION_1: header %d, want 12", n3.hdrLen)
	}
	if n.bufSize < n.hdrLen+ethHeaderLen+n.MTU() {
		t.Errorf("buffers of %d bytes cannot hold a full frame", n.bufSize)
	}
}

// deliver has the device write frame (after a header saying numBuffers)
// into the next receive buffer and return it.
func deliver(t *testing.T, n *Net, dev *device, hdr []byte, frame []byte) {
	t.Helper()
	id, addr, length, flags := dev.take(t)
	if flags&descWrite == 0 || length != uint32(n.bufSize) {
		t.Fatalf("receive descriptor %d: flags %#x length %d", id, flags, length)
	}
	buf := n.rxBuf[addr-fakeRxPA:][:length]
	copy(buf, hdr)
	copy(buf[len(hdr):], frame)
	dev.complete(id, uint32(len(hdr)+len(frame)))
}

// TestNetReceive: frames reach the receiver without their header, the
// buffers go back to the device (the ring stays full), and the queue's
// interrupts are back on after the poll.
func TestNetReceive(t *testing.T) {
	n, f, rxDev, _ := fakeNet(t, netFeatMrgRxbuf)
	var got [][]byte
	n.SetReceiver(func(b []byte) { got = append(got, append([]byte(nil), b...)) })
	hdr := make([]byte, 12)
	hdr[10] = 1                          // num_buffers
	for round := 0; round < 3; round++ { // 24 frames through an 8-entry ring
		for i := 0; i < 8; i++ {
			deliver(t, n, rxDev, hdr, bytes.Repeat([]byte{byte(round*8 + i)}, 60))
		}
		n.poll()
		if len(n.rx.free) != 0 {
			t.Fatalf("round %d: %d receive descriptors not reposted", round, len(n.rx.free))
		}
	}
	if len(got) != 24 {
		t.Fatalf("receiver got %d frames, want 24", len(got))
	}
	for i, g := range got {
		if !bytes.Equal(g, bytes.Repeat([]byte{byte(i)}, 60)) {
			t.Fatalf("frame %d = %x", i, g)
		}
	}
	if n.rx.availFlags != 0 {
		t.Error("receive interrupts left off after the poll")
	}
	if len(f.notified) == 0 {
		t.Error("device not told of the reposted buffers")
	}
	if s := n.Stats(); s.RxFrames != 24 || s.RxDropped != 0 {
		t.Errorf("stats %+v", s)
	}
}

// TestNetReceiveMerged: with MRG_RXBUF a frame spread over two buffers
// arrives whole.
func TestNetReceiveMerged(t *testing.T) {
	n, _, rxDev, _ := fakeNet(t, netFeatMrgRxbuf)
	var got []byte
	n.SetReceiver(func(b []byte) { got = append([]byte(nil), b...) })
	hdr := make([]byte, 12)
	hdr[10] = 2
	deliver(t, n, rxDev, hdr, []byte("the first part of the frame, "))
	deliver(t, n, rxDev, nil, []byte("second part"))
	n.poll()
	if string(got) != "the first part of the frame, second part" {
		t.Fatalf("merged frame %q", got)
	}
}

// TestNetReceiveShort: a buffer too short for a header and an Ethernet
// header is dropped, not handed up.
func TestNetReceiveShort(t *testing.T) {
	n, _, rxDev, _ := fakeNet(t, 0)
	called := false
	n.SetReceiver(func([]byte) { called = true })
	deliver(t, n, rxDev, make([]byte, 10), []byte{1, 2, 3})
	n.poll()
	if called || n.Stats().RxDropped != 1 {
		t.Fatalf("short frame: receiver called %v, dropped %d", called, n.Stats().RxDropped)
	}
}

// TestNetTransmit: a frame goes out as one descriptor, zeroed header then
// the parts; the device is notified unless it said not to; the transmit
// queue never asks for interrupts; a full ring waits for completions.
func TestNetTransmit(t *testing.T) {
	n, f, _, txDev := fakeNet(t, 0)
	if err := n.Transmit([]byte("eth-header...."), []byte("payload")); err != nil {
		t.Fatal(err)
	}
	id, addr, length, flags := txDev.take(t)
	buf := n.txBuf[addr-fakeTxPA:][:length]
	if flags != 0 || !bytes.Equal(buf[:10], make([]byte, 10)) || string(buf[10:]) != "eth-header....payload" {
		t.Fatalf("descriptor %d flags %#x contents %q", id, flags, buf)
	}
	if len(f.notified) == 0 || f.notified[len(f.notified)-1] != netTxQueue {
		t.Fatalf("notifications %v, want the transmit queue", f.notified)
	}
	if n.tx.availFlags&availNoInterrupt == 0 {
		t.Error("transmit queue asks for interrupts")
	}
	txDev.complete(id, 0)

	// The device says it needs no notification: none is sent.
	storeRing32(n.tx.mem, n.tx.usedOff, loadRing32(n.tx.mem, n.tx.usedOff)|usedNoNotify)
	before := len(f.notified)
	n.Transmit(make([]byte, 60))
	if len(f.notified) != before {
		t.Error("notified a device that asked for no notifications")
	}
	txDev.take(t)
	storeRing32(n.tx.mem, n.tx.usedOff, loadRing32(n.tx.mem, n.tx.usedOff)&^usedNoNotify)

	// Fill the ring (one in flight already), then one more must wait
	// until the device completes something.
	for i := 0; i < 7; i++ {
		if err := n.Transmit(make([]byte, 60)); err != nil {
			t.Fatal(err)
		}
	}
	done := make(chan error)
	go func() { done <- n.Transmit(make([]byte, 60)) }()
	select {
	case err := <-done:
		t.Fatalf("Transmit on a full ring returned %v without waiting", err)
	case <-time.After(50 * time.Millisecond):
	}
	id, _, _, _ = txDev.take(t)
	txDev.complete(id, 0)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if n.Stats().TxWaits != 1 {
		t.Errorf("TxWaits = %d, want 1", n.Stats().TxWaits)
	}
	if err := n.Transmit(make([]byte, n.bufSize)); err == nil {
		t.Error("an oversized frame was accepted")
	}
}

// TestHistMedian: the median's bucket bound ignores a few huge values.
func TestHistMedian(t *testing.T) {
	var h hist
	if h.median() != 0 {
		t.Fatal("empty histogram has a median")
	}
	for i := 0; i < 9; i++ {
		h.add(3000) // bucket of [2048, 4096)
	}
	h.add(1 << 30)
	if got := h.median(); got != 4096 {
		t.Fatalf("median bound %d, want 4096", got)
	}
}

// TestNetQueueKick: queued frames reach the ring at once but the device
// hears of them with one notification, at Kick.
func TestNetQueueKick(t *testing.T) {
	n, f, _, txDev := fakeNet(t, 0)
	for i := 0; i < 3; i++ {
		if err := n.Queue(make([]byte, 60)); err != nil {
			t.Fatal(err)
		}
	}
	if len(f.notified) != 0 {
		t.Fatalf("Queue notified the device: %v", f.notified)
	}
	n.Kick()
	if len(f.notified) != 1 {
		t.Fatalf("Kick sent %d notifications, want 1", len(f.notified))
	}
	for i := 0; i < 3; i++ {
		txDev.take(t)
	}
	if s := n.Stats(); s.TxFrames != 3 || s.TxKicks != 1 {
		t.Errorf("stats: %d frames, %d kicks; want 3, 1", s.TxFrames, s.TxKicks)
	}
}
