package virtio

import (
	"encoding/binary"
	"sync/atomic"
	"unsafe"
)

var le = binary.LittleEndian

// storeRing32 and loadRing32 access a ring's 32-bit flags+idx word
// atomically, so the compiler orders them against the ring entries around
// them (x86 keeps stores in order; the device is another observer). off
// must be 4-byte aligned in a 4-byte aligned buffer.
func storeRing32(mem []byte, off int, v uint32) {
	atomic.StoreUint32((*uint32)(unsafe.Pointer(&mem[off])), v)
}

func loadRing32(mem []byte, off int) uint32 {
	return atomic.LoadUint32((*uint32)(unsafe.Pointer(&mem[off])))
}
