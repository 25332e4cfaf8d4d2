package pci

import (
	"fmt"

	"github.com/ebbnode/ebbnode/kernel"
)

// MSI-X (PCI Local Bus 3.0, 6.8.2): a table of message address/data
// entries in one of the device's memory BARs.
const (
	msixEnable   = 1 << 15
	msixFuncMask = 1 << 14
	msixEntry    = 16
)

// EnableMSIX points MSI-X table entry at vector (on CPU
// kernel.IRQCPU(vector)), unmasks it and enables
// MSI-X for the function (INTx goes off). The table must sit in a memory
// BAR below 4 GiB (the kernel's identity map).
func (d Device) EnableMSIX(entry, vector int) error {
	if vector < kernel.FirstDeviceVector || vector > kernel.LastDeviceVector {
		return fmt.Errorf("pci %v: vector %d is not a device vector", d, vector)
	}
	off, ok := d.Capability(CapMSIX)
	if !ok {
		return fmt.Errorf("pci %v: no MSI-X capability", d)
	}
	ctl := d.Read32(off) >> 16
	if size := int(ctl&0x7ff) + 1; entry < 0 || entry >= size {
		return fmt.Errorf("pci %v: MSI-X entry %d out of range (table has %d)", d, entry, size)
	}
	tbl := d.Read32(off + 4)
	bar, err := d.BAR(int(tbl & 7))
	if err != nil {
		return err
	}
	if !bar.Valid || bar.IO || bar.Addr >= 1<<32 {
		return fmt.Errorf("pci %v: MSI-X table BAR %+v is not a memory BAR below 4 GiB", d, bar)
	}
	d.EnableMemory()
	e := uintptr(bar.Addr) + uintptr(tbl&^7) + uintptr(entry*msixEntry)
	addr := kernel.MSIAddress(vector)
	kernel.Write32(e, uint32(addr))
	kernel.Write32(e+4, uint32(addr>>32))
	kernel.Write32(e+8, kernel.MSIData(vector))
	kernel.Write32(e+12, 0) // unmasked
	ctl = ctl&^msixFuncMask | msixEnable
	d.Write32(off, d.Read32(off)&0xffff|ctl<<16)
	cmd := d.Read32(regCommand) & 0xffff
	d.Write32(regCommand, cmd|cmdIntxOff|cmdMaster)
	return nil
}
