package kernel

import "unsafe"

// Payload layout, shared with host/image (payload.go), which writes it.
const (
	payloadFlag       = 0x00eb0000         // in p_flags; host/image.PayloadFlag
	payloadMagic      = 0x4c5941504e424245 // "EBBNPAYL", little endian
	payloadHeaderSize = 16
	ptLoad            = 1
)

// Payload returns the data attached to the image by host/image's
// AttachPayload (for ebbnode images: the app bundle), or nil if the image
// carries none or is not booted (hosted). The boot loader placed it with
// the image's other segments, so it is identity-mapped and reserved from
// the frame allocator (imageEnd counts every PT_LOAD) for the life of the
// machine; callers must not write to it. Go world.
func Payload() []byte {
	if bootInfo.nmem == 0 { // hosted: no ELF header at imageBase
		return nil
	}
	phoff := uintptr(load64(imageBase + 32))
	phentsize := uintptr(load32(imageBase+54) & 0xffff)
	phnum := int(load32(imageBase+56) & 0xffff)
	for i := 0; i < phnum; i++ {
		ph := imageBase + phoff + uintptr(i)*phentsize
		if load32(ph) != ptLoad || load32(ph+4)&payloadFlag != payloadFlag {
			continue
		}
		pa, filesz := uintptr(load64(ph+24)), load64(ph+32)
		if filesz < payloadHeaderSize || load64(pa) != payloadMagic {
			return nil
		}
		n := load64(pa + 8)
		if n > filesz-payloadHeaderSize {
			return nil
		}
		return unsafe.Slice((*byte)(physPointer(pa+payloadHeaderSize)), int(n))
	}
	return nil
}
