package virtio

import (
	"errors"
	"fmt"

	"github.com/ebbnode/ebbnode/kernel"
	"github.com/ebbnode/ebbnode/kernel/pci"
)

// The virtio-mmio transport (virtio 1.x, 4.2), as QEMU's microvm machine
// offers it: a window of 512-byte register blocks from MMIOBase, one per
// transport, each wired to an I/O APIC pin. Both register layouts are
// driven: version 1 (legacy, QEMU 7.2's default) and version 2 (virtio 1.x,
// QEMU -global virtio-mmio.force-legacy=false). Interrupts are the
// transport's wire, routed edge-triggered through the I/O APIC to a device
// vector (kernel.RouteGSI); the driver acknowledges the device's
// InterruptStatus after each one.

// microvm's virtio-mmio window (QEMU hw/i386/microvm.c): 24 transports on
// GSIs 24-47 (the second I/O APIC) when ACPI is on, the default; 8
// transports on GSIs 5-12 with -M microvm,acpi=off.
const (
	MMIOBase     = 0xFEB00000
	MMIOSlotSize = 512
	MMIOMaxSlots = 24

	mmioFewSlots    = 8
	mmioFewGSIBase  = 5  // acpi=off: the first I/O APIC
	mmioManyGSIBase = 24 // ACPI on: the second I/O APIC
)

// Device id of a virtio console in the virtio-mmio DeviceID register.
const ConsoleMMIODeviceID = 3

// virtio-mmio registers (virtio 1.x, 4.2.2; legacy-only ones 4.2.4).
const (
	mmioMagic          = 0x000
	mmioVersion        = 0x004
	mmioDeviceID       = 0x008
	mmioDeviceFeatures = 0x010
	mmioDeviceFeatSel  = 0x014
	mmioDriverFeatures = 0x020
	mmioDriverFeatSel  = 0x024
	mmioGuestPageSize  = 0x028 // v1
	mmioQueueSel       = 0x030
	mmioQueueNumMax    = 0x034
	mmioQueueNum       = 0x038
	mmioQueueAlign     = 0x03C // v1
	mmioQueuePFN       = 0x040 // v1
	mmioQueueReady     = 0x044 // v2
	mmioQueueNotify    = 0x050
	mmioInterruptStat  = 0x060
	mmioInterruptACK   = 0x064
	mmioStatus         = 0x070
	mmioQueueDescLow   = 0x080 // v2, then High at +4
	mmioQueueDriverLow = 0x090 // v2
	mmioQueueDeviceLow = 0x0A0 // v2

	mmioMagicValue   = 0x74726976 // "virt"
	statusFeaturesOK = 8
	featureVersion1  = 1 // VIRTIO_F_VERSION_1 is feature bit 32: bit 0 of feature word 1
	mmioPageSize     = 4096
	mmioMaxQueue     = 256 // queue entries we ask for at most
)

// MMIODevice is a virtio-mmio transport with a device behind it.
type MMIODevice struct {
	Addr     uintptr // physical address of its register block
	Slot     int     // index in the window
	Version  uint32  // register layout: 1 legacy, 2 virtio 1.x
	DeviceID uint32  // virtio device type (3: console)
	GSI      int     // the I/O APIC input its interrupt wire drives
}

// ScanMMIO lists the devices in microvm's virtio-mmio window. Elsewhere
// (q35) it returns none. It infers the GSIs from the number of transports
// (see MMIOBase); microvm with ACPI but without its second I/O APIC
// (ioapic2=off: GSIs 16-23) is not recognised.
func ScanMMIO() []MMIODevice { return scanMMIO(kernel.Read32) }

// scanMMIO is ScanMMIO over read, which reads a 32-bit register at a
// physical address.
func scanMMIO(read func(uintptr) uint32) []MMIODevice {
	// Every transport answers with the magic value, with or without a
	// device (DeviceID 0); their count fixes the interrupt wiring.
	slots := 0
	for slots < MMIOMaxSlots && read(MMIOBase+uintptr(slots)*MMIOSlotSize+mmioMagic) == mmioMagicValue {
		slots++
	}
	gsiBase := mmioManyGSIBase
	if slots <= mmioFewSlots {
		gsiBase = mmioFewGSIBase
	}
	var devs []MMIODevice
	for i := 0; i < slots; i++ {
		a := MMIOBase + uintptr(i)*MMIOSlotSize
		id := read(a + mmioDeviceID)
		if id == 0 {
			continue
		}
		devs = append(devs, MMIODevice{Addr: a, Slot: i, Version: read(a + mmioVersion), DeviceID: id, GSI: gsiBase + i})
	}
	return devs
}

// OpenConsoleMMIO finds the first virtio console in microvm's virtio-mmio
// window (QEMU: -device virtio-serial-device plus a virtserialport or
// virtconsole) and starts its driver; interrupts arrive on
// vector through the I/O APIC.
func OpenConsoleMMIO(vector int) (*Console, error) {
	devs := ScanMMIO()
	for _, d := range devs {
		if d.DeviceID == ConsoleMMIODeviceID {
			return d.OpenConsole(vector)
		}
	}
	return nil, fmt.Errorf("virtio: no virtio-mmio console (device id %d) among %d devices at %#x", ConsoleMMIODeviceID, len(devs), MMIOBase)
}

// OpenConsoleAuto opens the virtio console of either machine: the
// transitional PCI device on q35 (OpenConsole with pci.Ports) when there is
// one, else the virtio-mmio device on microvm (OpenConsoleMMIO). PCI goes
// first because on q35 the virtio-mmio window may hold other devices' BARs.
func OpenConsoleAuto(vector int) (*Console, error) {
	if _, ok := pci.Find(pci.Ports{}, VendorID, ConsoleDeviceID); ok {
		return OpenConsole(pci.Ports{}, vector)
	}
	c, err := OpenConsoleMMIO(vector)
	if err != nil {
		return nil, fmt.Errorf("virtio: no transitional console (1af4:1003) on PCI bus 0 either: %w", err)
	}
	return c, nil
}

// OpenConsole starts a console driver on d (a device with DeviceID 3);
// interrupts arrive on vector through the I/O APIC.
func (d MMIODevice) OpenConsole(vector int) (*Console, error) {
	if d.DeviceID != ConsoleMMIODeviceID {
		return nil, fmt.Errorf("virtio: virtio-mmio device at %#x has type %d, not a console", d.Addr, d.DeviceID)
	}
	t := &mmio{r: mmioWindow(d.Addr), version: d.Version}
	// Reset, then announce ourselves (virtio 1.x, 3.1.1).
	t.setStatus(0)
	t.setStatus(statusAck | statusDriver)
	multiport, err := t.negotiate()
	if err != nil {
		t.setStatus(statusFailed)
		return nil, fmt.Errorf("virtio: virtio-mmio console at %#x: %w", d.Addr, err)
	}
	if err := kernel.RouteGSI(d.GSI, vector); err != nil {
		t.setStatus(statusFailed)
		return nil, fmt.Errorf("virtio: virtio-mmio console at %#x: %w", d.Addr, err)
	}
	return startConsole(t, vector, multiport)
}

// mmioRegs reads and writes a transport's 32-bit registers by offset;
// hardware behind mmioWindow, a fake in the host tests.
type mmioRegs interface {
	read32(off uintptr) uint32
	write32(off uintptr, v uint32)
}

// mmioWindow is a register block at a physical address below 4 GiB.
type mmioWindow uintptr

func (w mmioWindow) read32(off uintptr) uint32     { return kernel.Read32(uintptr(w) + off) }
func (w mmioWindow) write32(off uintptr, v uint32) { kernel.Write32(uintptr(w)+off, v) }

// mmio is one virtio-mmio transport, version 1 or 2.
type mmio struct {
	r       mmioRegs
	version uint32
}

var errNoVersion1 = errors.New("device does not offer VIRTIO_F_VERSION_1")

func (m *mmio) name() string        { return fmt.Sprintf("mmio-v%d", m.version) }
func (m *mmio) status() uint8       { return uint8(m.r.read32(mmioStatus)) }
func (m *mmio) setStatus(s uint8)   { m.r.write32(mmioStatus, uint32(s)) }
func (m *mmio) notify(queue uint16) { m.r.write32(mmioQueueNotify, uint32(queue)) }

// negotiate accepts MULTIPORT when the device offers it (see Console) and
// nothing else beyond what the register layout requires: VERSION_1 for
// version 2, whose devices then check FEATURES_OK. It reports whether
// MULTIPORT was accepted.
func (m *mmio) negotiate() (bool, error) {
	m.r.write32(mmioDeviceFeatSel, 0)
	feat := m.r.read32(mmioDeviceFeatures) & featMultiport
	switch m.version {
	case 1:
		m.r.write32(mmioDriverFeatSel, 0)
		m.r.write32(mmioDriverFeatures, feat)
		// Queue PFNs count pages of this size; our rings are 4 KiB aligned.
		m.r.write32(mmioGuestPageSize, mmioPageSize)
		return feat != 0, nil
	case 2:
		m.r.write32(mmioDeviceFeatSel, 1)
		if m.r.read32(mmioDeviceFeatures)&featureVersion1 == 0 {
			return false, errNoVersion1
		}
		m.r.write32(mmioDriverFeatSel, 0)
		m.r.write32(mmioDriverFeatures, feat)
		m.r.write32(mmioDriverFeatSel, 1)
		m.r.write32(mmioDriverFeatures, featureVersion1)
		m.setStatus(m.status() | statusFeaturesOK)
		if m.status()&statusFeaturesOK == 0 {
			return false, errors.New("device refused our features (FEATURES_OK cleared)")
		}
		return feat != 0, nil
	}
	return false, fmt.Errorf("unknown virtio-mmio version %d", m.version)
}

// queueSize selects queue i and returns the size we will use: the
// device's maximum, capped at mmioMaxQueue and rounded down to a power of
// two (the split ring needs one).
func (m *mmio) queueSize(i uint16) uint16 {
	m.r.write32(mmioQueueSel, uint32(i))
	max := m.r.read32(mmioQueueNumMax)
	if max == 0 {
		return 0
	}
	n := uint32(1)
	for n*2 <= max && n*2 <= mmioMaxQueue {
		n *= 2
	}
	return uint16(n)
}

func (m *mmio) setQueue(i uint16, q *queue, pa uint64) error {
	m.r.write32(mmioQueueSel, uint32(i))
	m.r.write32(mmioQueueNum, uint32(q.n))
	if m.version == 1 {
		if pa%mmioPageSize != 0 || pa/mmioPageSize > 0xffffffff {
			return fmt.Errorf("virtio: virtio-mmio queue %d: ring address %#x is not a 32-bit page number", i, pa)
		}
		// The used ring starts at the next page boundary (queue layout).
		m.r.write32(mmioQueueAlign, mmioPageSize)
		m.r.write32(mmioQueuePFN, uint32(pa/mmioPageSize))
		return nil
	}
	m.write64(mmioQueueDescLow, pa)
	m.write64(mmioQueueDriverLow, pa+uint64(q.availOff))
	m.write64(mmioQueueDeviceLow, pa+uint64(q.usedOff))
	m.r.write32(mmioQueueReady, 1)
	if m.r.read32(mmioQueueReady) != 1 {
		return fmt.Errorf("virtio: virtio-mmio queue %d did not become ready", i)
	}
	return nil
}

func (m *mmio) write64(off uintptr, v uint64) {
	m.r.write32(off, uint32(v))
	m.r.write32(off+4, uint32(v>>32))
}

// interruptAck clears the causes the device reports (used buffer,
// configuration change), which lowers its interrupt wire.
func (m *mmio) interruptAck() {
	if s := m.r.read32(mmioInterruptStat); s != 0 {
		m.r.write32(mmioInterruptACK, s)
	}
}
