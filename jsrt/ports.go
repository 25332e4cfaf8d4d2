package jsrt

import (
	"sync"

	"github.com/dop251/goja"
)

// message is one postMessage in transit between runtimes: the tape of
// worker_threads.js's serializer (primitive goja values only, which belong
// to no runtime), the buffers it names and the ports it carries.
type message struct {
	tape  []goja.Value
	bufs  []xferBuf
	ports []*port
}

// xferBuf is one ArrayBuffer of a message: bytes copied or moved out of the
// sender, or the memory of a SharedArrayBuffer, which both sides then share.
type xferBuf struct {
	data   []byte
	shared *sharedBuf
}

// port is one end of a MessageChannel. Any goroutine may deliver to it; its
// owner (the vm whose JS holds it) drains it on the owner's loop. A port
// being transferred has no owner until the receiver's JS takes it, and
// keeps what arrives meanwhile.
type port struct {
	mu struct {
		sync.Mutex
		peer    *port
		owner   *vm
		q       []*message // nil is the peer's close
		closed  bool
		started bool // delivers to JS (a 'message' listener or start())
		queued  bool // a drain is posted to the owner's loop
	}

	// Owner-side state: only events of the owner's loop touch these.
	obj     *goja.Object // the JS MessagePort
	active  bool         // has 'message' listeners or onmessage
	refd    bool
	release func() // the loop hold, while the port keeps it alive
}

func newPortPair(owner *vm) (*port, *port) {
	a, b := &port{refd: true}, &port{refd: true}
	a.mu.peer, b.mu.peer = b, a
	a.mu.owner, b.mu.owner = owner, owner
	return a, b
}

// deliver queues m (nil: the peer closed) and wakes the owner. Safe from
// any goroutine.
func (p *port) deliver(m *message) {
	p.mu.Lock()
	if p.mu.closed {
		p.mu.Unlock()
		return
	}
	p.mu.q = append(p.mu.q, m)
	p.mu.Unlock()
	p.kick()
}

// kick posts a drain to the owner's loop if there is something to deliver
// and none is posted.
func (p *port) kick() {
	p.mu.Lock()
	o := p.mu.owner
	if o == nil || !p.mu.started || p.mu.queued || len(p.mu.q) == 0 {
		p.mu.Unlock()
		return
	}
	p.mu.queued = true
	p.mu.Unlock()
	o.postLoop(func() { p.drain(o) })
}

// next takes the oldest queued message if o still owns the started port.
func (p *port) next(o *vm) (m *message, ok bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.mu.owner != o || !p.mu.started || len(p.mu.q) == 0 {
		p.mu.queued = false
		return nil, false
	}
	m = p.mu.q[0]
	p.mu.q[0] = nil
	p.mu.q = p.mu.q[1:]
	return m, true
}

// drain delivers the queued messages to JS, each as its own callback (ticks
// and promise jobs run between two messages, as in node). Runs on o's loop.
func (p *port) drain(o *vm) {
	for !o.exiting {
		m, ok := p.next(o)
		if !ok {
			return
		}
		if m == nil {
			p.closedByPeer(o)
			return
		}
		obj := p.obj
		o.callGo(func() {
			if obj == nil {
				return
			}
			tape, bufs, ports := o.unpack(m)
			o.wtCall("portMessage", obj, tape, bufs, ports)
		})
	}
}

// closedByPeer: the other end closed; this one closes and says so.
func (p *port) closedByPeer(o *vm) {
	p.mu.Lock()
	p.mu.closed = true
	p.mu.q = nil
	p.mu.Unlock()
	p.updateHold(o)
	if p.obj != nil {
		obj := p.obj
		o.callGo(func() { o.wtCall("portClosed", obj) })
	}
}

// close closes this end (from its owner's JS) and tells the peer.
func (p *port) close(o *vm) {
	p.mu.Lock()
	if p.mu.closed {
		p.mu.Unlock()
		return
	}
	p.mu.closed = true
	p.mu.q = nil
	peer := p.mu.peer
	p.mu.Unlock()
	p.updateHold(o)
	if peer != nil {
		peer.deliver(nil)
	}
	if obj := p.obj; obj != nil {
		// The loop stays alive for this port's own 'close' event.
		release := o.hold()
		o.postLoop(func() {
			defer release()
			o.wtCall("portClosed", obj)
		})
	}
}

// closeQuietly closes this end without telling JS (its vm is gone) and
// tells the peer.
func (p *port) closeQuietly() {
	p.mu.Lock()
	if p.mu.closed {
		p.mu.Unlock()
		return
	}
	p.mu.closed = true
	p.mu.q = nil
	peer := p.mu.peer
	p.mu.Unlock()
	if peer != nil {
		peer.deliver(nil)
	}
}

// post sends m to the peer. From the owner's JS.
func (p *port) post(m *message) {
	p.mu.Lock()
	peer, closed := p.mu.peer, p.mu.closed
	p.mu.Unlock()
	if closed || peer == nil {
		return
	}
	peer.deliver(m)
}

// start makes the port deliver to JS.
func (p *port) start(o *vm) {
	p.mu.Lock()
	p.mu.started = true
	p.mu.Unlock()
	p.updateHold(o)
	p.kick()
}

// detach takes the port from its owner for a transfer: it stops
// delivering and holds no loop until the receiver adopts it.
func (p *port) detach(o *vm) {
	p.mu.Lock()
	p.mu.owner = nil
	p.mu.started = false
	p.mu.queued = false
	p.mu.Unlock()
	p.obj = nil
	p.active = false
	p.refd = true
	p.updateHold(o)
}

// adopt makes o the owner, with obj its JS MessagePort.
func (p *port) adopt(o *vm, obj *goja.Object) {
	p.mu.Lock()
	p.mu.owner = o
	p.mu.Unlock()
	p.obj = obj
}

// receive takes one message at once (receiveMessageOnPort).
func (p *port) receive() *message {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.mu.q) == 0 || p.mu.q[0] == nil {
		return nil
	}
	m := p.mu.q[0]
	p.mu.q = p.mu.q[1:]
	return m
}

// updateHold keeps o's loop alive while the port is started, ref'd, has a
// listener and is open, as node's MessagePort handle does.
func (p *port) updateHold(o *vm) {
	p.mu.Lock()
	want := p.mu.started && !p.mu.closed && p.mu.owner == o
	p.mu.Unlock()
	want = want && p.active && p.refd
	switch {
	case want && p.release == nil:
		p.release = o.hold()
	case !want && p.release != nil:
		p.release()
		p.release = nil
	}
}
