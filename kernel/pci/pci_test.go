package pci

import (
	"testing"

	"github.com/ebbnode/ebbnode/kernel"
)

// fakeConfig is a configuration space: absent functions read all ones.
type fakeConfig map[[4]uint8]uint32

func (f fakeConfig) Read32(bus, dev, fn, off uint8) uint32 {
	if v, ok := f[[4]uint8{bus, dev, fn, off}]; ok {
		return v
	}
	if _, present := f[[4]uint8{bus, dev, fn, 0}]; present {
		return 0
	}
	return 0xffffffff
}

func (f fakeConfig) Write32(bus, dev, fn, off uint8, v uint32) { f[[4]uint8{bus, dev, fn, off}] = v }

// eduLike builds device 0:3.0 (1234:11e8) with a 32-bit memory BAR0, a
// 64-bit BAR2 and a capability list: vendor cap at 0x40 -> MSI at 0x50.
func eduLike() fakeConfig {
	return fakeConfig{
		{0, 0, 0, regID}:        0x29c08086, // host bridge, single function
		{0, 3, 0, regID}:        0x11e81234,
		{0, 3, 0, regCommand}:   statusCaps,
		{0, 3, 0, regClass}:     0x00ff0000,
		{0, 3, 0, regBAR0}:      0xfea00000,
		{0, 3, 0, regBAR0 + 8}:  0xc000000c, // 64-bit prefetchable
		{0, 3, 0, regBAR0 + 12}: 0x1,
		{0, 3, 0, regCapPtr}:    0x40,
		{0, 3, 0, 0x40}:         0x5000 | CapVendor,
		{0, 3, 0, 0x50}:         msi64<<16 | CapMSI, // last capability
		{0, 5, 0, regID}:        0x10018086,         // multi-function device 5
		{0, 5, 0, regHeader}:    headerMulti << 16,
		{0, 5, 2, regID}:        0x10028086,
	}
}

func TestScanAndFind(t *testing.T) {
	c := eduLike()
	devs := Scan(c)
	var got []string
	for _, d := range devs {
		got = append(got, d.String())
	}
	want := []string{"00:00.0 8086:29c0 class 0000", "00:03.0 1234:11e8 class 00ff", "00:05.0 8086:1001 class 0000", "00:05.2 8086:1002 class 0000"}
	if len(got) != len(want) {
		t.Fatalf("Scan = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("Scan = %q, want %q", got, want)
		}
	}
	if _, ok := Find(c, 0x1234, 0x11e8); !ok {
		t.Fatal("Find missed the device")
	}
	if _, ok := Find(c, 0x1af4, 0x1003); ok {
		t.Fatal("Find invented a device")
	}
}

func TestBARs(t *testing.T) {
	d, _ := Find(eduLike(), 0x1234, 0x11e8)
	b0, err := d.BAR(0)
	if err != nil || b0 != (BAR{Addr: 0xfea00000, Valid: true}) {
		t.Fatalf("BAR0 = %+v, %v", b0, err)
	}
	b2, err := d.BAR(2)
	if err != nil || b2 != (BAR{Addr: 0x1c0000000, Wide: true, Valid: true}) {
		t.Fatalf("BAR2 = %+v, %v", b2, err)
	}
	if b1, _ := d.BAR(1); b1.Valid {
		t.Fatalf("empty BAR1 is valid: %+v", b1)
	}
	if _, err := d.BAR(6); err == nil {
		t.Fatal("BAR 6 accepted")
	}
}

func TestCapabilityAndMSI(t *testing.T) {
	c := eduLike()
	d, _ := Find(c, 0x1234, 0x11e8)
	if off, ok := d.Capability(CapMSI); !ok || off != 0x50 {
		t.Fatalf("MSI capability at %#x, %v; want 0x50", off, ok)
	}
	if _, ok := d.Capability(CapMSIX); ok {
		t.Fatal("found an MSI-X capability that is not there")
	}
	if err := d.EnableMSI(kernel.FirstDeviceVector + 2); err != nil {
		t.Fatal(err)
	}
	if got := c[[4]uint8{0, 3, 0, 0x54}]; uint64(got) != kernel.MSIAddress(kernel.FirstDeviceVector+2) {
		t.Errorf("MSI address = %#x", got)
	}
	if got := c[[4]uint8{0, 3, 0, 0x5c}]; got != uint32(kernel.FirstDeviceVector+2) {
		t.Errorf("MSI data = %#x, want the vector", got)
	}
	if ctl := c[[4]uint8{0, 3, 0, 0x50}] >> 16; ctl&msiEnable == 0 || ctl&(7<<4) != 0 {
		t.Errorf("MSI control = %#x, want enabled with one message", ctl)
	}
	if cmd := c[[4]uint8{0, 3, 0, regCommand}]; cmd&(cmdIntxOff|cmdMaster) != cmdIntxOff|cmdMaster {
		t.Errorf("command = %#x, want INTx off and bus master", cmd)
	}
	if err := d.EnableMSI(3); err == nil {
		t.Error("EnableMSI accepted an exception vector")
	}
	// A loop in the capability list ends.
	c[[4]uint8{0, 3, 0, 0x40}] = 0x4000 | CapVendor
	if _, ok := d.Capability(CapMSI); ok {
		t.Error("looping capability list yielded MSI")
	}
}

// barConfig is a configuration space whose BARs decode as hardware does:
// a write keeps only the address bits the BAR's size allows, and the
// type bits stay.
type barConfig struct {
	fakeConfig
	sizes map[[4]uint8]uint64 // BAR register -> size (1: the upper half of a 64-bit BAR); others are not implemented
}

func (b barConfig) Write32(bus, dev, fn, off uint8, v uint32) {
	k := [4]uint8{bus, dev, fn, off}
	size, ok := b.sizes[k]
	switch {
	case off < regBAR0 || off >= regBAR0+24 || size == 1:
	case !ok:
		v = 0 // not implemented: reads zero
	default:
		typ := b.fakeConfig[k] & 0xf
		if typ&1 != 0 {
			typ &= 3
		}
		v = v&^uint32(size-1)&^0xf | typ
	}
	b.fakeConfig.Write32(bus, dev, fn, off, v)
}

func TestAssignBARs(t *testing.T) {
	// A virtio device as qboot leaves it (I/O BAR0 of 64 bytes, 32-bit
	// memory BAR1 of 4 KiB, 64-bit BAR4 of 16 KiB, all at zero), and a
	// device whose memory BAR0 the firmware placed at 0xc0000000.
	c := barConfig{
		fakeConfig: fakeConfig{
			{0, 0, 0, regID}:        0x29c08086,
			{0, 2, 0, regID}:        0x10031af4,
			{0, 2, 0, regBAR0}:      0x1,
			{0, 2, 0, regBAR0 + 4}:  0x0,
			{0, 2, 0, regBAR0 + 16}: 0xc,
			{0, 3, 0, regID}:        0x11e81234,
			{0, 3, 0, regBAR0}:      0xc0000000,
		},
		sizes: map[[4]uint8]uint64{
			{0, 2, 0, regBAR0}: 64, {0, 2, 0, regBAR0 + 4}: 4096, {0, 2, 0, regBAR0 + 16}: 16384,
			{0, 2, 0, regBAR0 + 20}: 1,
			{0, 3, 0, regBAR0}:      1 << 20,
		},
	}
	if err := AssignBARs(c); err != nil {
		t.Fatal(err)
	}
	d, _ := Find(c, 0x1af4, 0x1003)
	want := []BAR{
		{Addr: 0xc000, IO: true, Valid: true},
		{Addr: 0xc0100000, Valid: true},
		{}, {},
		{Addr: 0xc0104000, Wide: true, Valid: true},
	}
	for i, w := range want {
		if got, _ := d.BAR(i); got != w {
			t.Errorf("BAR%d = %+v, want %+v", i, got, w)
		}
	}
	if cmd := d.Read32(regCommand); cmd&(cmdIO|cmdMemory) != cmdIO|cmdMemory {
		t.Errorf("command = %#x: I/O and memory decoding not both on", cmd)
	}
	if b, _ := Find(c, 0x1234, 0x11e8); b.Read32(regBAR0) != 0xc0000000 {
		t.Errorf("firmware's BAR moved to %#x", b.Read32(regBAR0))
	}
	// Idempotent: a second pass moves nothing.
	if err := AssignBARs(c); err != nil {
		t.Fatal(err)
	}
	if got, _ := d.BAR(0); got != want[0] {
		t.Errorf("after a second pass BAR0 = %+v", got)
	}
}
