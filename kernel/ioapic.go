package kernel

import (
	"fmt"
	"sync"
)

// I/O APIC routing for Go-world drivers of devices that raise a GSI (a
// wire) instead of an MSI: microvm's virtio-mmio transports. Programming
// happens once, from the driver's goroutine, through the indirect
// IOREGSEL/IOWIN pair (82093AA datasheet, 3.0); the trap world never touches
// the I/O APIC. Entries are edge-triggered, so the trap world's LAPIC EOI
// (deviceInterrupt) is the only acknowledgement the interrupt controllers
// need; the driver acknowledges the device itself, and each new assertion
// is a new edge.

// IOAPIC is an I/O APIC's register window and the first GSI of its pins.
type IOAPIC struct {
	Base    uintptr // physical address of IOREGSEL (identity-mapped, below 4 GiB)
	GSIBase int
}

// DefaultIOAPICs are where QEMU's x86 machines put their I/O APICs: the
// first on every machine, the second only on microvm with ACPI (its pins
// are GSIs 24-47, used by the virtio-mmio transports).
var DefaultIOAPICs = []IOAPIC{{Base: 0xFEC00000, GSIBase: 0}, {Base: 0xFEC10000, GSIBase: 24}}

// I/O APIC registers and redirection-entry bits (82093AA, 3.2.4). A low
// word of just the vector means fixed delivery, physical destination,
// active high, edge-triggered, unmasked.
const (
	ioapicRegSel = 0x00
	ioapicWin    = 0x10
	ioapicVer    = 0x01
	ioapicRedir  = 0x10 // entry i: low word at 0x10+2i, high at 0x11+2i
	ioapicMasked = 1 << 16
	lapicIDReg   = 0x20
)

// ioapicRegs is one I/O APIC's indirect register file; hardware behind
// ioapicMMIO, a fake in the host tests.
type ioapicRegs interface {
	read(reg uint32) uint32
	write(reg, v uint32)
}

type ioapicMMIO uintptr

func (a ioapicMMIO) read(reg uint32) uint32 {
	store32(uintptr(a)+ioapicRegSel, reg)
	return load32(uintptr(a) + ioapicWin)
}

func (a ioapicMMIO) write(reg, v uint32) {
	store32(uintptr(a)+ioapicRegSel, reg)
	store32(uintptr(a)+ioapicWin, v)
}

// ioapicMu serialises IOREGSEL/IOWIN pairs between goroutines.
var ioapicMu sync.Mutex

// RouteGSI points gsi at vector on CPU IRQCPU(vector) (fixed delivery,
// physical destination, edge-triggered, active high) and unmasks it. It searches
// DefaultIOAPICs for the one whose pins hold gsi.
func RouteGSI(gsi, vector int) error {
	if vector < FirstDeviceVector || vector > LastDeviceVector {
		return fmt.Errorf("kernel: RouteGSI(%d, %d): vector is not a device vector (%d-%d)", gsi, vector, FirstDeviceVector, LastDeviceVector)
	}
	apics := make([]ioapicRegs, len(DefaultIOAPICs))
	bases := make([]int, len(DefaultIOAPICs))
	for i, a := range DefaultIOAPICs {
		apics[i], bases[i] = ioapicMMIO(a.Base), a.GSIBase
	}
	dest := cpus[IRQCPU(vector)].apicID
	ioapicMu.Lock()
	defer ioapicMu.Unlock()
	return routeGSI(apics, bases, gsi, vector, dest)
}

// routeGSI programs the redirection entry for gsi in the I/O APIC (of
// apics, whose first pins are bases) that has it. An I/O APIC that is not
// there reads as all zeros or all ones and is skipped.
func routeGSI(apics []ioapicRegs, bases []int, gsi, vector int, dest uint32) error {
	for i, a := range apics {
		ver := a.read(ioapicVer)
		if ver == 0 || ver == 0xffffffff {
			continue
		}
		pins := int(ver>>16&0xff) + 1
		pin := gsi - bases[i]
		if pin < 0 || pin >= pins {
			continue
		}
		// High word first: the entry is unmasked only once the
		// destination is in place.
		a.write(ioapicRedir+2*uint32(pin)+1, dest<<24)
		a.write(ioapicRedir+2*uint32(pin), uint32(vector)) // fixed, physical, edge, high, unmasked
		if got := a.read(ioapicRedir + 2*uint32(pin)); got&0xff != uint32(vector) || got&ioapicMasked != 0 {
			return fmt.Errorf("kernel: RouteGSI(%d): I/O APIC %d pin %d reads back %#x", gsi, i, pin, got)
		}
		return nil
	}
	return fmt.Errorf("kernel: RouteGSI(%d): no I/O APIC has this GSI", gsi)
}
