package virtio

import "testing"

// device plays the device side of a queue over the same memory.
type device struct {
	q        *queue
	lastSeen uint16
	usedIdx  uint16
}

// take consumes the next available descriptor: its id, address, length, flags.
func (d *device) take(t *testing.T) (id uint16, addr uint64, length uint32, flags uint16) {
	t.Helper()
	q := d.q
	if uint16(loadRing32(q.mem, q.availOff)>>16) == d.lastSeen {
		t.Fatal("device: nothing available")
	}
	id = le.Uint16(q.mem[q.availOff+4+2*int(d.lastSeen%q.n):])
	d.lastSeen++
	desc := q.mem[16*int(id):]
	return id, le.Uint64(desc), le.Uint32(desc[8:]), le.Uint16(desc[12:])
}

func (d *device) complete(id uint16, written uint32) {
	q := d.q
	e := q.mem[q.usedOff+4+8*int(d.usedIdx%q.n):]
	le.PutUint32(e, uint32(id))
	le.PutUint32(e[4:], written)
	d.usedIdx++
	storeRing32(q.mem, q.usedOff, uint32(d.usedIdx)<<16)
}

func TestRingLayout(t *testing.T) {
	// Legacy layout for 128 entries: 2048 bytes of descriptors, avail ring
	// at 2048, used ring at the next 4 KiB boundary.
	if got := ringSize(128); got != 8192 {
		t.Fatalf("ringSize(128) = %d, want 8192", got)
	}
	if got := ringSize(256); got != 4096*2+4096 {
		t.Fatalf("ringSize(256) = %d, want 12288", got)
	}
	q, err := newQueue(128, make([]byte, ringSize(128)))
	if err != nil {
		t.Fatal(err)
	}
	if q.availOff != 2048 || q.usedOff != 4096 {
		t.Fatalf("avail at %d, used at %d; want 2048, 4096", q.availOff, q.usedOff)
	}
	if _, err := newQueue(100, make([]byte, 1<<16)); err == nil {
		t.Fatal("queue size 100 accepted")
	}
	if _, err := newQueue(128, make([]byte, 100)); err == nil {
		t.Fatal("short ring memory accepted")
	}
}

func TestRingRoundTrip(t *testing.T) {
	q, _ := newQueue(4, make([]byte, ringSize(4)))
	dev := &device{q: q}
	ids := map[uint16]bool{}
	for i := 0; i < 4; i++ {
		id, ok := q.add(0x1000*uint64(i+1), 100+uint32(i), i%2 == 0)
		if !ok || ids[id] {
			t.Fatalf("add %d = %d, %v", i, id, ok)
		}
		ids[id] = true
	}
	if _, ok := q.add(0x9000, 1, false); ok {
		t.Fatal("add beyond the queue size succeeded")
	}
	if _, _, ok := q.used(); ok {
		t.Fatal("used before the device completed anything")
	}
	// The device sees them in order with the right contents.
	for i := 0; i < 4; i++ {
		id, addr, length, flags := dev.take(t)
		if addr != 0x1000*uint64(i+1) || length != 100+uint32(i) || (flags&descWrite != 0) != (i%2 == 0) {
			t.Fatalf("descriptor %d: addr %#x len %d flags %#x", id, addr, length, flags)
		}
		dev.complete(id, uint32(i))
	}
	for i := 0; i < 4; i++ {
		if _, n, ok := q.used(); !ok || n != uint32(i) {
			t.Fatalf("used %d = %d, %v", i, n, ok)
		}
	}
	// Descriptors are reusable and the indices wrap around the ring.
	for round := 0; round < 3; round++ {
		id, ok := q.add(0x5000, 8, true)
		if !ok {
			t.Fatalf("round %d: no free descriptor", round)
		}
		got, _, _, _ := dev.take(t)
		if got != id {
			t.Fatalf("device took %d, want %d", got, id)
		}
		dev.complete(id, 8)
		if uid, _, ok := q.used(); !ok || uid != id {
			t.Fatalf("used = %d, %v", uid, ok)
		}
	}
}

func TestRingRejectsBadUsedID(t *testing.T) {
	q, _ := newQueue(4, make([]byte, ringSize(4)))
	dev := &device{q: q}
	dev.complete(77, 0)
	if _, _, ok := q.used(); ok {
		t.Fatal("an out-of-range used id was accepted")
	}
	if len(q.free) != 4 {
		t.Fatalf("free list has %d entries, want 4", len(q.free))
	}
}
