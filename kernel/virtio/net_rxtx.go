package virtio

import (
	"errors"
	"fmt"
	"runtime"
	"time"

	"github.com/ebbnode/ebbnode/kernel"
)

// usedNoNotify is VRING_USED_F_NO_NOTIFY: the device is working through
// the available ring and needs no notification for new buffers.
const usedNoNotify = 1

// rxBudget is how many frames one pass hands up before letting other
// goroutines (the stack's) run.
const rxBudget = 64

// ErrFrameTooLarge is returned by Transmit for a frame no buffer holds.
var ErrFrameTooLarge = errors.New("virtio: frame larger than the device's MTU")

// fillRx posts every free receive descriptor, each with its own buffer.
func (n *Net) fillRx() {
	for {
		id, ok := n.rx.nextID()
		if !ok {
			return
		}
		n.rx.add(n.rxPA+uint64(int(id)*n.bufSize), uint32(n.bufSize), true)
	}
}

// notifyQueue tells the device about new buffers on queue i unless it
// said it needs no notification; it reports whether it did.
func (n *Net) notifyQueue(q *queue, i uint16) bool {
	if loadRing32(q.mem, q.usedOff)&usedNoNotify != 0 {
		return false
	}
	n.t.notify(i)
	return true
}

// interrupts is the driver goroutine: wait for the vector, then poll.
func (n *Net) interrupts(wait func() error) {
	for {
		if err := wait(); err != nil {
			n.txmu.Lock()
			n.err = err
			n.txmu.Unlock()
			return
		}
		n.stats.irqs.Add(1)
		// Acknowledge before looking at the rings: a buffer the device
		// returns after the acknowledgement raises a new interrupt.
		n.t.interruptAck()
		n.poll()
	}
}

// irqWaiter returns the function that blocks until the next interrupt:
// parked in the Go netpoller on the vector's IRQ descriptor when the
// kernel offers one (kernel.OpenIRQ), else in kernel.WaitIRQ.
func (n *Net) irqWaiter() func() error {
	if q, err := kernel.OpenIRQ(n.vector); err == nil {
		n.irqMode.Store("netpoll")
		return func() error {
			_, err := q.Wait()
			return err
		}
	}
	n.irqMode.Store("irq_wait")
	var seen uint64
	return func() error {
		c, err := kernel.WaitIRQ(n.vector, seen, 0)
		seen = c
		return err
	}
}

// poll takes received frames with the receive queue's interrupts off
// until the ring is empty, then turns them on and looks once more (a frame
// that arrived in between would otherwise wait for the next interrupt).
func (n *Net) poll() {
	n.rx.setInterrupts(false)
	for {
		for n.rxPass() {
			runtime.Gosched()
		}
		n.rx.setInterrupts(true)
		if !n.rx.pending() {
			return
		}
		n.rx.setInterrupts(false)
		n.stats.polls.Add(1)
	}
}

// rxPass hands up to rxBudget frames to the receiver and reposts their
// buffers; it reports whether it stopped at the budget.
func (n *Net) rxPass() bool {
	t0 := time.Now()
	recv0 := n.stats.recvNanos.Load()
	frames := 0
	for frames < rxBudget {
		id, length, ok := n.rx.used()
		if !ok {
			break
		}
		frames++
		n.receive(id, length)
	}
	if frames == 0 {
		return false
	}
	n.fillRx()
	n.notifyQueue(n.rx, netRxQueue)
	n.stats.rxFrames.Add(uint64(frames))
	d := uint64(time.Since(t0))
	n.stats.rxNanos.Add(d)
	n.stats.rxHist.add((d - min(d, n.stats.recvNanos.Load()-recv0)) / uint64(frames))
	if uint64(frames) > n.stats.rxBatchMax.Load() {
		n.stats.rxBatchMax.Store(uint64(frames))
	}
	return frames == rxBudget
}

// receive hands the frame in descriptor id (length bytes with the
// header) to the receiver. With MRG_RXBUF a frame may span several
// buffers (num_buffers in the header); the driver's buffers hold a whole
// frame, so that happens only if the device decides so, and the frame is
// then gathered into a copy.
func (n *Net) receive(id uint16, length uint32) {
	buf := n.rxBuf[int(id)*n.bufSize:][:n.bufSize]
	length = min(length, uint32(n.bufSize))
	if int(length) < n.hdrLen+ethHeaderLen {
		n.stats.rxDropped.Add(1)
		return
	}
	frame := buf[n.hdrLen:length]
	if n.hdrLen == 12 && n.feat&netFeatMrgRxbuf != 0 {
		if nb := le.Uint16(buf[10:]); nb > 1 {
			frame = n.gather(frame, int(nb)-1)
		}
	}
	fn := n.recv.Load()
	if fn == nil || frame == nil {
		n.stats.rxDropped.Add(1)
		return
	}
	t0 := time.Now()
	(*fn)(frame)
	n.stats.recvNanos.Add(uint64(time.Since(t0)))
}

// gather appends the next more buffers of a merged frame to a copy of
// first. It returns nil (drop) if the device has not returned them all.
func (n *Net) gather(first []byte, more int) []byte {
	out := append([]byte(nil), first...)
	for ; more > 0; more-- {
		id, length, ok := n.rx.used()
		if !ok {
			return nil
		}
		length = min(length, uint32(n.bufSize))
		out = append(out, n.rxBuf[int(id)*n.bufSize:][:length]...)
	}
	return out
}

// Transmit sends one frame (Ethernet header first, no FCS) made of parts:
// Queue, then Kick.
func (n *Net) Transmit(parts ...[]byte) error {
	if err := n.Queue(parts...); err != nil {
		return err
	}
	n.Kick()
	return nil
}

// Queue copies one frame made of parts into a transmit buffer and hands it
// to the device without notifying it (Kick does, once for many frames).
// It blocks while every buffer is in flight.
func (n *Net) Queue(parts ...[]byte) error {
	t0 := time.Now()
	total := 0
	for _, p := range parts {
		total += len(p)
	}
	if n.hdrLen+total > n.bufSize {
		return fmt.Errorf("%w: %d bytes", ErrFrameTooLarge, total)
	}
	n.txmu.Lock()
	defer n.txmu.Unlock()
	id, err := n.txSlot()
	if err != nil {
		return err
	}
	buf := n.txBuf[int(id)*n.bufSize:][:n.bufSize]
	clear(buf[:n.hdrLen]) // no checksum or segmentation offload
	off := n.hdrLen
	for _, p := range parts {
		off += copy(buf[off:], p)
	}
	n.tx.add(n.txPA+uint64(int(id)*n.bufSize), uint32(off), false)
	n.stats.txFrames.Add(1)
	d := uint64(time.Since(t0))
	n.stats.txNanos.Add(d)
	n.stats.txHist.add(d)
	return nil
}

// Kick tells the device about the frames queued since the last Kick,
// unless it has said it is still working through the ring.
func (n *Net) Kick() {
	t0 := time.Now()
	n.txmu.Lock()
	kicked := n.notifyQueue(n.tx, netTxQueue)
	n.txmu.Unlock()
	if kicked {
		d := uint64(time.Since(t0))
		n.stats.txKicks.Add(1)
		n.stats.kickNanos.Add(d)
		n.stats.kickHist.add(d)
	}
}

// txSlot returns a free transmit descriptor (its id is its buffer),
// reclaiming finished ones. When all are in flight it polls the used ring
// with short sleeps instead of waiting for an interrupt: Transmit may run
// on the driver goroutine itself (the stack answers a frame while it is
// handed up), which could then never take that interrupt. Called with
// txmu held; the sleeps release it.
func (n *Net) txSlot() (uint16, error) {
	for waited := false; ; waited = true {
		if n.err != nil {
			return 0, n.err
		}
		n.reclaimTx()
		if id, ok := n.tx.nextID(); ok {
			return id, nil
		}
		if !waited {
			n.stats.txWaits.Add(1)
		}
		n.txmu.Unlock()
		time.Sleep(txFullPoll)
		n.txmu.Lock()
	}
}

// txFullPoll is how long Transmit sleeps between looks at a full ring.
const txFullPoll = 20 * time.Microsecond

// reclaimTx takes back the transmit buffers the device has finished
// with. Called with txmu held.
func (n *Net) reclaimTx() {
	for {
		if _, _, ok := n.tx.used(); !ok {
			return
		}
		n.stats.txReclaimed.Add(1)
	}
}
