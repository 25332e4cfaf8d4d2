package virtio

// The virtio-serial control queues (virtio 1.x, 5.3.6.2): 8-byte messages
// {id u32, event u16, value u16}, little-endian, in each direction.
// PORT_NAME carries the name after the header.
const (
	ctlRxQueue = 2 // device to driver
	ctlTxQueue = 3 // driver to device

	evDeviceReady = 0
	evPortAdd     = 1
	evPortRemove  = 2
	evPortReady   = 3
	evPortOpen    = 6

	ctlMsgSize = 8
	ctlBufSize = 256 // room for a PORT_NAME with a long name
	ctlBufs    = 8
)

// control is the driver's side of the control queues.
type control struct {
	rx, tx         *queue
	rxBuf, txBuf   []byte
	rxPA, txPA     uint64
	rxSlot, txSlot []int
	txBusy         [ctlBufs]bool
	out            [][ctlMsgSize]byte // messages waiting for a transmit slot
}

func (c *Console) setupControl() (*control, error) {
	ctl := &control{}
	var err error
	if ctl.rx, ctl.rxBuf, ctl.rxPA, err = c.ring(ctlRxQueue, ctlBufs, ctlBufSize); err != nil {
		return nil, err
	}
	if ctl.tx, ctl.txBuf, ctl.txPA, err = c.ring(ctlTxQueue, ctlBufs, ctlMsgSize); err != nil {
		return nil, err
	}
	ctl.rxSlot = make([]int, ctl.rx.n)
	ctl.txSlot = make([]int, ctl.tx.n)
	return ctl, nil
}

// start posts the receive buffers and announces the driver (DEVICE_READY);
// the device answers with a PORT_ADD per port. Called with c.mu held.
func (ctl *control) start(c *Console) {
	for i := 0; i < ctlBufs; i++ {
		ctl.postRx(i)
	}
	c.t.notify(ctlRxQueue)
	ctl.send(c, 0, evDeviceReady, 1)
}

func (ctl *control) postRx(slot int) {
	if id, ok := ctl.rx.add(ctl.rxPA+uint64(slot*ctlBufSize), ctlBufSize, true); ok {
		ctl.rxSlot[id] = slot
	}
}

// send queues a control message and transmits what the free slots allow.
func (ctl *control) send(c *Console, id uint32, event, value uint16) {
	var m [ctlMsgSize]byte
	le.PutUint32(m[0:], id)
	le.PutUint16(m[4:], event)
	le.PutUint16(m[6:], value)
	ctl.out = append(ctl.out, m)
	ctl.flush(c)
}

// flush moves queued messages into free transmit slots, in order.
func (ctl *control) flush(c *Console) {
	sent := false
	for len(ctl.out) > 0 {
		slot := -1
		for i, b := range ctl.txBusy {
			if !b {
				slot = i
				break
			}
		}
		if slot < 0 {
			break
		}
		copy(ctl.txBuf[slot*ctlMsgSize:], ctl.out[0][:])
		id, ok := ctl.tx.add(ctl.txPA+uint64(slot*ctlMsgSize), ctlMsgSize, false)
		if !ok {
			break
		}
		ctl.txSlot[id] = slot
		ctl.txBusy[slot] = true
		ctl.out = ctl.out[1:]
		sent = true
	}
	if sent {
		c.t.notify(ctlTxQueue)
	}
}

// service handles the device's control messages and reclaims transmit
// slots. Called with c.mu held.
func (ctl *control) service(c *Console) {
	for {
		id, _, ok := ctl.tx.used()
		if !ok {
			break
		}
		ctl.txBusy[ctl.txSlot[id]] = false
	}
	reposted := false
	for {
		id, n, ok := ctl.rx.used()
		if !ok {
			break
		}
		slot := ctl.rxSlot[id]
		if n >= ctlMsgSize {
			m := ctl.rxBuf[slot*ctlBufSize:]
			ctl.handle(c, le.Uint32(m[0:]), le.Uint16(m[4:]), le.Uint16(m[6:]))
		}
		ctl.postRx(slot)
		reposted = true
	}
	if reposted {
		c.t.notify(ctlRxQueue)
	}
	ctl.flush(c)
}

// handle acts on one device message. The first port the device adds that
// has queues (0 or 1) becomes the driver's port; the driver reports every
// added port ready (the device logs an error for a port refused) and opens
// its own, and follows the host side's PORT_OPEN for it.
func (ctl *control) handle(c *Console, port uint32, event, value uint16) {
	switch event {
	case evPortAdd:
		ctl.send(c, port, evPortReady, 1)
		if c.active < 0 && port < uint32(len(c.ports)) && c.ports[port] != nil {
			c.active = int(port)
			ctl.send(c, port, evPortOpen, 1)
		}
	case evPortOpen:
		if int(port) == c.active {
			c.hostOpen = value != 0
			if c.hostOpen {
				c.ports[port].releaseHeld()
			}
		}
	case evPortRemove:
		if int(port) == c.active {
			c.hostOpen = false
		}
	}
}
