package virtio

import "bytes"

// portQueues are the receive and transmit queues of one port with their
// buffers: maxBufs slots each way, of bufSize bytes to receive and txSize
// to transmit.
type portQueues struct {
	c        *Console
	rxq, txq uint16
	rx, tx   *queue
	rxBuf    []byte
	rxPA     uint64
	txBuf    []byte
	txPA     uint64
	txBusy   [maxBufs]bool
	txLen    [maxBufs]int
	held     []int // filled transmit slots waiting for the host to open
	rxSlot   []int // buffer slot of each descriptor id in flight
	txSlot   []int
}

func (c *Console) setupPort(port int) (*portQueues, error) {
	pq := &portQueues{c: c}
	pq.rxq, pq.txq = portQueueIndex(port)
	var err error
	if pq.rx, pq.rxBuf, pq.rxPA, err = c.ring(pq.rxq, maxBufs, bufSize); err != nil {
		return nil, err
	}
	if pq.tx, pq.txBuf, pq.txPA, err = c.ring(pq.txq, maxBufs, txSize); err != nil {
		return nil, err
	}
	pq.rxSlot = make([]int, pq.rx.n)
	pq.txSlot = make([]int, pq.tx.n)
	return pq, nil
}

// postRx hands receive buffer slot to the device.
func (pq *portQueues) postRx(slot int) {
	if id, ok := pq.rx.add(pq.rxPA+uint64(slot*bufSize), bufSize, true); ok {
		pq.rxSlot[id] = slot
	}
}

// drainRx moves received bytes to sink (nil: drop them) and reposts the
// buffers; it reports whether any were reposted.
func (pq *portQueues) drainRx(sink *bytes.Buffer) bool {
	reposted := false
	for {
		id, n, ok := pq.rx.used()
		if !ok {
			return reposted
		}
		n = min(n, bufSize)
		slot := pq.rxSlot[id]
		off := slot * bufSize
		if sink != nil {
			sink.Write(pq.rxBuf[off : off+int(n)])
		}
		pq.postRx(slot)
		reposted = true
	}
}

// drainTx frees the transmit slots the device has finished with.
func (pq *portQueues) drainTx() {
	for {
		id, _, ok := pq.tx.used()
		if !ok {
			return
		}
		pq.txBusy[pq.txSlot[id]] = false
	}
}

// freeSlot returns a transmit slot not in use, or -1.
func (pq *portQueues) freeSlot() int {
	for i, b := range pq.txBusy {
		if !b {
			return i
		}
	}
	return -1
}

// fill copies up to txSize bytes of p into slot, marks it busy and
// returns how many it took.
func (pq *portQueues) fill(slot int, p []byte) int {
	n := copy(pq.txBuf[slot*txSize:(slot+1)*txSize], p)
	pq.txBusy[slot] = true
	pq.txLen[slot] = n
	return n
}

// postTx hands a filled transmit slot to the device (the caller notifies).
func (pq *portQueues) postTx(slot int) {
	// Cannot fail: at most maxBufs (<= queue size) are in flight.
	if id, ok := pq.tx.add(pq.txPA+uint64(slot*txSize), uint32(pq.txLen[slot]), false); ok {
		pq.txSlot[id] = slot
	}
}

// releaseHeld posts the slots held while the host was closed, in order.
func (pq *portQueues) releaseHeld() {
	if len(pq.held) == 0 {
		return
	}
	for _, slot := range pq.held {
		pq.postTx(slot)
	}
	pq.held = pq.held[:0]
	pq.c.t.notify(pq.txq)
}

func (pq *portQueues) busy() bool {
	for _, b := range pq.txBusy {
		if b {
			return true
		}
	}
	return false
}
