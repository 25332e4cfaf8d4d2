// Package virtio holds Go-world virtio drivers: the split virtqueue, two
// transports — legacy (transitional) PCI with MSI-X for q35, virtio-mmio
// (version 1 or 2) with an I/O APIC wire for microvm — and a
// virtio-serial driver (MULTIPORT: control queues, one port) that gives the
// native image a flow-controlled byte stream to the host, the transport
// for the Messenger. Drivers are ordinary
// goroutines; interrupts arrive through kernel.WaitIRQ and ring memory
// through kernel.AllocDMA.
package virtio

import "fmt"

// Descriptor flags (virtio 1.x, 2.7.5).
const (
	descNext  = 1
	descWrite = 2 // device writes the buffer (else it reads it)
)

// queue is a split virtqueue laid out as the legacy interface requires:
// descriptors, then the available ring, then (4 KiB aligned) the used
// ring. A queue is not safe for concurrent use: the driver serialises.
type queue struct {
	n        uint16
	mem      []byte
	availOff int
	usedOff  int
	free     []uint16 // descriptor ids not owned by the device
	avail    uint16   // our avail.idx
	lastUsed uint16   // next used.idx entry to consume
	// availFlags is the available ring's flags word (availNoInterrupt
	// while a driver polls the ring instead of taking interrupts).
	availFlags uint16
}

// availNoInterrupt is VRING_AVAIL_F_NO_INTERRUPT (virtio 1.x, 2.7.7): the
// device need not interrupt when it returns buffers of this queue.
const availNoInterrupt = 1

// ringSize returns the bytes a legacy queue of n entries needs.
func ringSize(n uint16) int {
	used := align(16*int(n)+6+2*int(n), 4096)
	return used + align(6+8*int(n), 4096)
}

func align(x, a int) int { return (x + a - 1) &^ (a - 1) }

// newQueue lays a queue of n entries over mem (zeroed, ringSize(n) bytes).
func newQueue(n uint16, mem []byte) (*queue, error) {
	if n == 0 || n&(n-1) != 0 {
		return nil, fmt.Errorf("virtio: queue size %d is not a power of two", n)
	}
	if len(mem) < ringSize(n) {
		return nil, fmt.Errorf("virtio: %d bytes of ring memory, need %d", len(mem), ringSize(n))
	}
	q := &queue{n: n, mem: mem, availOff: 16 * int(n), usedOff: align(16*int(n)+6+2*int(n), 4096)}
	for i := int(n) - 1; i >= 0; i-- {
		q.free = append(q.free, uint16(i))
	}
	return q, nil
}

// add posts one buffer (a single descriptor) and publishes it in the
// available ring. It returns the descriptor id, or false when all
// descriptors are in use.
func (q *queue) add(addr uint64, length uint32, deviceWrites bool) (uint16, bool) {
	if len(q.free) == 0 {
		return 0, false
	}
	id := q.free[len(q.free)-1]
	q.free = q.free[:len(q.free)-1]
	d := q.mem[16*int(id):]
	le.PutUint64(d[0:], addr)
	le.PutUint32(d[8:], length)
	flags := uint16(0)
	if deviceWrites {
		flags = descWrite
	}
	le.PutUint16(d[12:], flags)
	le.PutUint16(d[14:], 0)
	le.PutUint16(q.mem[q.availOff+4+2*int(q.avail%q.n):], id)
	q.avail++
	// Publish the new index only after the entry (flags are ours: 0).
	storeRing32(q.mem, q.availOff, uint32(q.avail)<<16|uint32(q.availFlags))
	return id, true
}

// used returns the next buffer the device has finished with, and how many
// bytes it wrote, giving the descriptor back to the free list.
func (q *queue) used() (id uint16, length uint32, ok bool) {
	idx := uint16(loadRing32(q.mem, q.usedOff) >> 16)
	if idx == q.lastUsed {
		return 0, 0, false
	}
	e := q.mem[q.usedOff+4+8*int(q.lastUsed%q.n):]
	id, length = uint16(le.Uint32(e[0:])), le.Uint32(e[4:])
	q.lastUsed++
	if id >= q.n {
		return 0, 0, false // a broken device; refuse to corrupt the free list
	}
	q.free = append(q.free, id)
	return id, length, true
}

// setInterrupts asks the device to interrupt (on) or not (off) when it
// returns buffers of this queue; a hint the device may ignore. The store
// is atomic (XCHG on amd64, a full barrier), so a driver that turns
// interrupts back on and then checks pending misses no buffer.
func (q *queue) setInterrupts(on bool) {
	q.availFlags = 0
	if !on {
		q.availFlags = availNoInterrupt
	}
	storeRing32(q.mem, q.availOff, uint32(q.avail)<<16|uint32(q.availFlags))
}

// pending reports whether the device has returned buffers not yet taken
// with used.
func (q *queue) pending() bool {
	return uint16(loadRing32(q.mem, q.usedOff)>>16) != q.lastUsed
}

// nextID returns the descriptor id the next add will use.
func (q *queue) nextID() (uint16, bool) {
	if len(q.free) == 0 {
		return 0, false
	}
	return q.free[len(q.free)-1], true
}
