package virtio

import (
	"errors"
	"testing"
)

// fakeMMIO models the registers of one virtio-mmio transport that the
// driver relies on, with the device-side checks a real device makes.
type fakeMMIO struct {
	version        uint32
	devFeatures    [2]uint32
	devSel, drvSel uint32
	drvFeatures    [2]uint32
	refuse         bool // clear FEATURES_OK whatever the driver asks
	status         uint32
	pageSize       uint32
	sel            uint32
	q              [2]fakeQueue
	isr            uint32
	acks           []uint32
	notified       []uint32
}

type fakeQueue struct {
	numMax, num, align, pfn, ready uint32
	desc, driver, device           uint64
}

func (f *fakeMMIO) read32(off uintptr) uint32 {
	q := &f.q[f.sel]
	switch off {
	case mmioMagic:
		return mmioMagicValue
	case mmioVersion:
		return f.version
	case mmioDeviceID:
		return ConsoleMMIODeviceID
	case mmioDeviceFeatures:
		return f.devFeatures[f.devSel]
	case mmioQueueNumMax:
		return q.numMax
	case mmioQueueReady:
		return q.ready
	case mmioInterruptStat:
		return f.isr
	case mmioStatus:
		return f.status
	}
	panic("fakeMMIO: read of an unmodelled register")
}

func (f *fakeMMIO) write32(off uintptr, v uint32) {
	q := &f.q[f.sel]
	set64 := func(p *uint64, high bool) {
		if high {
			*p = *p&0xffffffff | uint64(v)<<32
		} else {
			*p = *p&^0xffffffff | uint64(v)
		}
	}
	switch off {
	case mmioDeviceFeatSel:
		f.devSel = v
	case mmioDriverFeatSel:
		f.drvSel = v
	case mmioDriverFeatures:
		f.drvFeatures[f.drvSel] = v
	case mmioGuestPageSize:
		f.pageSize = v
	case mmioQueueSel:
		f.sel = v
	case mmioQueueNum:
		q.num = v
	case mmioQueueAlign:
		q.align = v
	case mmioQueuePFN:
		q.pfn = v
	case mmioQueueReady:
		q.ready = v
	case mmioQueueDescLow, mmioQueueDescLow + 4:
		set64(&q.desc, off&4 != 0)
	case mmioQueueDriverLow, mmioQueueDriverLow + 4:
		set64(&q.driver, off&4 != 0)
	case mmioQueueDeviceLow, mmioQueueDeviceLow + 4:
		set64(&q.device, off&4 != 0)
	case mmioQueueNotify:
		f.notified = append(f.notified, v)
	case mmioInterruptACK:
		f.acks = append(f.acks, v)
		f.isr &^= v
	case mmioStatus:
		// A version 2 device accepts FEATURES_OK only for a subset of
		// its features that includes VERSION_1.
		if v&statusFeaturesOK != 0 && f.version == 2 {
			ok := !f.refuse && f.drvFeatures[1]&featureVersion1 != 0
			for i := range f.drvFeatures {
				ok = ok && f.drvFeatures[i]&^f.devFeatures[i] == 0
			}
			if !ok {
				v &^= statusFeaturesOK
			}
		}
		f.status = v
	default:
		panic("fakeMMIO: write of an unmodelled register")
	}
}

func TestScanMMIO(t *testing.T) {
	// window builds a read function over slots transports, with devices
	// (slot -> device id, version 2) behind some of them.
	window := func(slots int, devs map[int]uint32) func(uintptr) uint32 {
		return func(a uintptr) uint32 {
			slot, off := int((a-MMIOBase)/MMIOSlotSize), (a-MMIOBase)%MMIOSlotSize
			if a < MMIOBase || slot >= slots {
				return 0 // unassigned address space
			}
			switch off {
			case mmioMagic:
				return mmioMagicValue
			case mmioVersion:
				return 2
			case mmioDeviceID:
				return devs[slot]
			}
			t.Fatalf("scan read offset %#x", off)
			return 0
		}
	}
	tests := []struct {
		name string
		read func(uintptr) uint32
		want []MMIODevice
	}{
		{name: "microvm-acpi", read: window(24, map[int]uint32{22: 2, 23: 3}), want: []MMIODevice{
			{Addr: 0xfeb02c00, Slot: 22, Version: 2, DeviceID: 2, GSI: 46},
			{Addr: 0xfeb02e00, Slot: 23, Version: 2, DeviceID: 3, GSI: 47},
		}},
		{name: "microvm-acpi-off", read: window(8, map[int]uint32{7: 3}), want: []MMIODevice{
			{Addr: 0xfeb00e00, Slot: 7, Version: 2, DeviceID: 3, GSI: 12},
		}},
		{name: "empty-transports", read: window(24, nil)},
		{name: "no-window", read: func(uintptr) uint32 { return 0 }},
		{name: "all-ones", read: func(uintptr) uint32 { return 0xffffffff }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := scanMMIO(tc.read)
			if len(got) != len(tc.want) {
				t.Fatalf("got %+v, want %+v", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("device %d: got %+v, want %+v", i, got[i], tc.want[i])
				}
			}
		})
	}
}

func TestMMIONegotiate(t *testing.T) {
	tests := []struct {
		name    string
		dev     fakeMMIO
		wantErr bool
	}{
		{name: "v1", dev: fakeMMIO{version: 1, devFeatures: [2]uint32{1 << 1, 0}}},
		{name: "v2", dev: fakeMMIO{version: 2, devFeatures: [2]uint32{1 << 1, featureVersion1}}},
		{name: "v2-without-version1", dev: fakeMMIO{version: 2, devFeatures: [2]uint32{1 << 1, 0}}, wantErr: true},
		{name: "v2-refuses", dev: fakeMMIO{version: 2, devFeatures: [2]uint32{0, featureVersion1}, refuse: true}, wantErr: true},
		{name: "unknown-version", dev: fakeMMIO{version: 3}, wantErr: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := tc.dev
			m := &mmio{r: &f, version: f.version}
			m.setStatus(statusAck | statusDriver)
			multiport, err := m.negotiate()
			if tc.wantErr {
				if err == nil {
					t.Fatalf("negotiate succeeded; status %#x", f.status)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			// MULTIPORT (bit 1) when offered, no other device feature.
			if want := tc.dev.devFeatures[0] & featMultiport; f.drvFeatures[0] != want || multiport != (want != 0) {
				t.Errorf("driver features word 0 = %#x (multiport %v), want %#x", f.drvFeatures[0], multiport, want)
			}
			switch f.version {
			case 1:
				if f.pageSize != mmioPageSize {
					t.Errorf("guest page size %d, want %d", f.pageSize, mmioPageSize)
				}
			case 2:
				if f.drvFeatures[1] != featureVersion1 {
					t.Errorf("driver features word 1 = %#x, want VERSION_1 only", f.drvFeatures[1])
				}
				if f.status != statusAck|statusDriver|statusFeaturesOK {
					t.Errorf("status %#x, want ACK|DRIVER|FEATURES_OK", f.status)
				}
			}
		})
	}
	if name := (&mmio{version: 2}).name(); name != "mmio-v2" {
		t.Errorf("name %q", name)
	}
	if _, err := (&mmio{r: &fakeMMIO{version: 2}, version: 2}).negotiate(); !errors.Is(err, errNoVersion1) {
		t.Error("a version 2 device without VERSION_1 was not reported as such")
	}
}

func TestMMIOQueueSize(t *testing.T) {
	for _, tc := range []struct{ max, want uint32 }{{0, 0}, {1, 1}, {100, 64}, {128, 128}, {1024, mmioMaxQueue}} {
		f := &fakeMMIO{version: 2}
		f.q[1].numMax = tc.max
		if got := (&mmio{r: f, version: 2}).queueSize(1); uint32(got) != tc.want || f.sel != 1 {
			t.Errorf("max %d: size %d (queue %d selected), want %d of queue 1", tc.max, got, f.sel, tc.want)
		}
	}
}

func TestMMIOSetQueue(t *testing.T) {
	q, err := newQueue(64, make([]byte, ringSize(64)))
	if err != nil {
		t.Fatal(err)
	}
	const pa = 0x1234000

	f1 := &fakeMMIO{version: 1}
	if err := (&mmio{r: f1, version: 1}).setQueue(1, q, pa); err != nil {
		t.Fatal(err)
	}
	if got := f1.q[1]; got.num != 64 || got.align != mmioPageSize || got.pfn != pa/mmioPageSize {
		t.Errorf("v1 queue registers %+v, want num 64, align 4096, pfn %#x", got, pa/mmioPageSize)
	}
	if err := (&mmio{r: f1, version: 1}).setQueue(0, q, pa+8); err == nil {
		t.Error("v1 accepted a ring that is not page aligned")
	}
	if err := (&mmio{r: f1, version: 1}).setQueue(0, q, 1<<44); err == nil {
		t.Error("v1 accepted a page number beyond 32 bits")
	}

	const high = 0x1_2345_6000 // above 4 GiB: both halves must be written
	f2 := &fakeMMIO{version: 2}
	if err := (&mmio{r: f2, version: 2}).setQueue(1, q, high); err != nil {
		t.Fatal(err)
	}
	got := f2.q[1]
	if got.num != 64 || got.desc != high || got.driver != high+uint64(q.availOff) || got.device != high+uint64(q.usedOff) || got.ready != 1 {
		t.Errorf("v2 queue registers %+v, want num 64, desc %#x, driver %#x, device %#x, ready", got, uint64(high), high+uint64(q.availOff), high+uint64(q.usedOff))
	}
	if f2.q[0] != (fakeQueue{}) {
		t.Errorf("queue 0 was touched: %+v", f2.q[0])
	}
}

func TestMMIOInterruptAck(t *testing.T) {
	f := &fakeMMIO{version: 2, isr: 3} // used buffer and configuration change
	m := &mmio{r: f, version: 2}
	m.interruptAck()
	if f.isr != 0 || len(f.acks) != 1 || f.acks[0] != 3 {
		t.Errorf("after ack: isr %#x, acks %v; want isr 0 after one ack of 3", f.isr, f.acks)
	}
	m.interruptAck() // nothing pending: no write
	if len(f.acks) != 1 {
		t.Errorf("acknowledged with nothing pending: %v", f.acks)
	}
	m.notify(1)
	if len(f.notified) != 1 || f.notified[0] != 1 {
		t.Errorf("notified %v, want [1]", f.notified)
	}
}
