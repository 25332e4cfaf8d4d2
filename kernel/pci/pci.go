// Package pci reads and programs PCI configuration space for Go-world
// drivers: enumeration of bus 0, BAR assignment (qboot leaves it to the
// driver: call AssignBARs before Find) and decoding, capabilities and MSI. The
// hardware access sits behind the Config interface, so everything but the
// port accessor is tested on the host against a fake configuration space.
package pci

import (
	"fmt"

	"github.com/ebbnode/ebbnode/kernel"
)

// Config is a PCI configuration space accessor. Offsets are 4-byte
// aligned.
type Config interface {
	Read32(bus, dev, fn, off uint8) uint32
	Write32(bus, dev, fn, off uint8, v uint32)
}

// Ports is configuration mechanism #1 (ports 0xCF8/0xCFC), present on
// pc and q35. Not safe for concurrent use: callers serialise (one driver
// goroutine probes at a time).
type Ports struct{}

func addr(bus, dev, fn, off uint8) uint32 {
	return 1<<31 | uint32(bus)<<16 | uint32(dev&31)<<11 | uint32(fn&7)<<8 | uint32(off&0xfc)
}

// Read32 implements Config.
func (Ports) Read32(bus, dev, fn, off uint8) uint32 {
	kernel.Outl(0xCF8, addr(bus, dev, fn, off))
	return kernel.Inl(0xCFC)
}

// Write32 implements Config.
func (Ports) Write32(bus, dev, fn, off uint8, v uint32) {
	kernel.Outl(0xCF8, addr(bus, dev, fn, off))
	kernel.Outl(0xCFC, v)
}

// Configuration header offsets and bits.
const (
	regID       = 0x00
	regCommand  = 0x04 // command (low 16) and status (high 16)
	regClass    = 0x08
	regHeader   = 0x0C // header type in bits 16-23
	regBAR0     = 0x10
	regCapPtr   = 0x34
	statusCaps  = 1 << 20 // status bit 4, seen through the 32-bit read
	cmdIO       = 1 << 0
	cmdMemory   = 1 << 1
	cmdMaster   = 1 << 2
	cmdIntxOff  = 1 << 10
	CapMSI      = 0x05
	CapMSIX     = 0x11
	CapVendor   = 0x09
	msiEnable   = 1 << 0
	msi64       = 1 << 7
	headerMulti = 0x80
)

// Device is one PCI function.
type Device struct {
	cfg                     Config
	Bus, Dev, Fn            uint8
	Vendor, ID              uint16
	Class, Subclass, ProgIF uint8
}

func (d Device) String() string {
	return fmt.Sprintf("%02x:%02x.%d %04x:%04x class %02x%02x", d.Bus, d.Dev, d.Fn, d.Vendor, d.ID, d.Class, d.Subclass)
}

// Read32 reads the device's configuration register at off.
func (d Device) Read32(off uint8) uint32 { return d.cfg.Read32(d.Bus, d.Dev, d.Fn, off) }

// Write32 writes the device's configuration register at off.
func (d Device) Write32(off uint8, v uint32) { d.cfg.Write32(d.Bus, d.Dev, d.Fn, off, v) }

// Scan lists the functions present on bus 0.
func Scan(c Config) []Device {
	var out []Device
	for dev := uint8(0); dev < 32; dev++ {
		for fn := uint8(0); fn < 8; fn++ {
			id := c.Read32(0, dev, fn, regID)
			if id&0xffff == 0xffff {
				if fn == 0 {
					break // no device: its other functions do not exist either
				}
				continue
			}
			cl := c.Read32(0, dev, fn, regClass)
			out = append(out, Device{cfg: c, Bus: 0, Dev: dev, Fn: fn,
				Vendor: uint16(id), ID: uint16(id >> 16),
				Class: uint8(cl >> 24), Subclass: uint8(cl >> 16), ProgIF: uint8(cl >> 8)})
			if fn == 0 && (c.Read32(0, dev, 0, regHeader)>>16)&headerMulti == 0 {
				break // single-function device
			}
		}
	}
	return out
}

// Find returns the first device with the vendor and device id.
func Find(c Config, vendor, id uint16) (Device, bool) {
	for _, d := range Scan(c) {
		if d.Vendor == vendor && d.ID == id {
			return d, true
		}
	}
	return Device{}, false
}

// BAR is a decoded base address register.
type BAR struct {
	Addr  uint64
	IO    bool // port I/O space (else memory)
	Wide  bool // 64-bit memory BAR (uses the next register too)
	Valid bool // the register holds an address
}

// BAR decodes base address register i (0-5). It does not probe the size
// (that would disable decoding while the register holds all ones).
func (d Device) BAR(i int) (BAR, error) {
	if i < 0 || i > 5 {
		return BAR{}, fmt.Errorf("pci %v: BAR %d out of range", d, i)
	}
	v := d.Read32(regBAR0 + uint8(4*i))
	if v&1 != 0 {
		a := uint64(v &^ 3)
		return BAR{Addr: a, IO: true, Valid: a != 0}, nil
	}
	b := BAR{Addr: uint64(v &^ 0xf)}
	if (v>>1)&3 == 2 {
		if i == 5 {
			return BAR{}, fmt.Errorf("pci %v: 64-bit BAR 5 has no upper half", d)
		}
		b.Wide = true
		b.Addr |= uint64(d.Read32(regBAR0+uint8(4*i+4))) << 32
	}
	b.Valid = b.Addr != 0
	return b, nil
}

// Capability returns the configuration offset of the first capability
// with id, following the capability list (bounded against loops).
func (d Device) Capability(id uint8) (uint8, bool) {
	if d.Read32(regCommand)&statusCaps == 0 {
		return 0, false
	}
	off := uint8(d.Read32(regCapPtr)) &^ 3
	for n := 0; off != 0 && n < 48; n++ {
		v := d.Read32(off)
		if uint8(v) == id {
			return off, true
		}
		off = uint8(v>>8) &^ 3
	}
	return 0, false
}

// EnableMemory turns on memory decoding and bus mastering (DMA).
func (d Device) EnableMemory() {
	cmd := d.Read32(regCommand) & 0xffff
	d.Write32(regCommand, cmd|cmdMemory|cmdMaster)
}

// EnableMSI programs the MSI capability to deliver vector to CPU
// kernel.IRQCPU(vector) (single message) and turns the legacy INTx pin
// off.
func (d Device) EnableMSI(vector int) error {
	if vector < kernel.FirstDeviceVector || vector > kernel.LastDeviceVector {
		return fmt.Errorf("pci %v: vector %d is not a device vector", d, vector)
	}
	off, ok := d.Capability(CapMSI)
	if !ok {
		return fmt.Errorf("pci %v: no MSI capability", d)
	}
	ctl := d.Read32(off) >> 16
	addr := kernel.MSIAddress(vector)
	d.Write32(off+4, uint32(addr))
	dataOff := off + 8
	if ctl&msi64 != 0 {
		d.Write32(off+8, uint32(addr>>32))
		dataOff = off + 12
	}
	d.Write32(dataOff, kernel.MSIData(vector))
	// Single message (multiple-message enable = 0), enabled.
	ctl = ctl&^(7<<4) | msiEnable
	d.Write32(off, d.Read32(off)&0xffff|ctl<<16)
	cmd := d.Read32(regCommand) & 0xffff
	d.Write32(regCommand, cmd|cmdIntxOff|cmdMaster)
	return nil
}

// The windows AssignBARs hands addresses out of: q35's, as SeaBIOS uses
// them (I/O above the ISA and legacy ports; memory from the end of the
// MMCONFIG area up to the I/O APIC).
const (
	ioWindow, ioWindowEnd   = 0xc000, 0x10000
	memWindow, memWindowEnd = 0xc0000000, 0xfec00000
)

// AssignBARs gives every base address register on bus 0 that the firmware
// left at zero an address in q35's windows and turns on the decoding it
// needs. qboot, which boots the machine in a few milliseconds, leaves
// BARs unassigned; SeaBIOS assigns them all, and then this changes
// nothing. Addresses go above the highest one already assigned in each
// window, naturally aligned; 64-bit BARs get addresses below 4 GiB (the
// kernel's identity map). Calling it again is harmless.
func AssignBARs(c Config) error {
	devs := Scan(c)
	next := [2]uint64{ioWindow, memWindow} // [0] I/O, [1] memory
	type slot struct {
		d    Device
		i    int
		size uint64
		io   bool
	}
	var todo []slot
	for _, d := range devs {
		if (d.Read32(regHeader)>>16)&0x7f != 0 {
			continue // a bridge: its two BARs stay the firmware's
		}
		for i := 0; i < 6; i++ {
			b, err := d.BAR(i)
			if err != nil {
				return err
			}
			size := d.barSize(i, b)
			k := 1
			if b.IO {
				k = 0
			}
			switch {
			case size == 0:
			case b.Valid && b.Addr+size > next[k] && b.Addr < [2]uint64{ioWindowEnd, memWindowEnd}[k]:
				next[k] = b.Addr + size
			case !b.Valid:
				todo = append(todo, slot{d, i, size, b.IO})
			}
			if b.Wide {
				i++
			}
		}
	}
	for _, s := range todo {
		k, end := 1, uint64(memWindowEnd)
		if s.io {
			k, end = 0, ioWindowEnd
		}
		a := (next[k] + s.size - 1) &^ (s.size - 1)
		if a+s.size > end {
			return fmt.Errorf("pci %v: no room for BAR %d (%d bytes)", s.d, s.i, s.size)
		}
		next[k] = a + s.size
		off := regBAR0 + uint8(4*s.i)
		low := s.d.Read32(off) & 0xf
		s.d.Write32(off, uint32(a)|low)
		if !s.io && (low>>1)&3 == 2 {
			s.d.Write32(off+4, 0)
		}
		en := uint32(cmdMemory)
		if s.io {
			en = cmdIO
		}
		s.d.Write32(regCommand, s.d.Read32(regCommand)&0xffff|en)
	}
	return nil
}

// barSize probes the size of BAR i (decoded as b) by writing all ones
// with decoding off, and restores it. 0 means the BAR is not implemented.
func (d Device) barSize(i int, b BAR) uint64 {
	off := regBAR0 + uint8(4*i)
	cmd := d.Read32(regCommand) & 0xffff
	d.Write32(regCommand, cmd&^(cmdIO|cmdMemory))
	defer d.Write32(regCommand, cmd)
	orig := d.Read32(off)
	d.Write32(off, 0xffffffff)
	lo := d.Read32(off)
	d.Write32(off, orig)
	if lo == 0 {
		return 0 // not implemented
	}
	if b.IO {
		mask := uint64(lo&^3) | 0xffff0000
		return uint64(uint32(^mask) + 1)
	}
	mask := uint64(lo &^ 0xf)
	if b.Wide {
		origHi := d.Read32(off + 4)
		d.Write32(off+4, 0xffffffff)
		mask |= uint64(d.Read32(off+4)) << 32
		d.Write32(off+4, origHi)
	} else {
		mask |= 0xffffffff00000000
	}
	if mask == 0 {
		return 0
	}
	return ^mask + 1
}
