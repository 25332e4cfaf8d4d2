package kernel

import "unsafe"

// Module is a boot module handed over by the PVH loader (QEMU -initrd): its
// bytes where the loader put them, and its command line.
type Module struct {
	Data    []byte
	Cmdline string
}

// Modules returns the boot modules. The data aliases the loaded memory
// (identity-mapped and reserved from the frame allocator for the life of
// the machine); callers must not write to it. Hosted (not booted through
// pvhEntry) it returns nil. Go world.
func Modules() []Module {
	var out []Module
	for i := 0; i < bootInfo.nmods; i++ {
		m := &bootInfo.mods[i]
		if m.size == 0 {
			continue
		}
		out = append(out, Module{
			Data:    unsafe.Slice((*byte)(physPointer(uintptr(m.addr))), m.size),
			Cmdline: string(m.cmdline[:m.cmdlen]),
		})
	}
	return out
}
