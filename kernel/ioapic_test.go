package kernel

import (
	"strings"
	"testing"
)

// fakeIOAPIC models an I/O APIC's indirect registers: a version word and
// pins redirection entries that reset masked.
type fakeIOAPIC struct {
	ver  uint32
	regs map[uint32]uint32
}

func newFakeIOAPIC(pins int) *fakeIOAPIC {
	f := &fakeIOAPIC{ver: 0x20 | uint32(pins-1)<<16, regs: map[uint32]uint32{}}
	for p := 0; p < pins; p++ {
		f.regs[ioapicRedir+2*uint32(p)] = ioapicMasked
	}
	return f
}

func (f *fakeIOAPIC) read(reg uint32) uint32 {
	if reg == ioapicVer {
		return f.ver
	}
	return f.regs[reg]
}

func (f *fakeIOAPIC) write(reg, v uint32) { f.regs[reg] = v }

// absentIOAPIC is unassigned address space: it reads as zeros.
type absentIOAPIC struct{ writes int }

func (a *absentIOAPIC) read(uint32) uint32   { return 0 }
func (a *absentIOAPIC) write(uint32, uint32) { a.writes++ }

func TestRouteGSI(t *testing.T) {
	tests := []struct {
		name        string
		second      bool // microvm with ACPI: a second I/O APIC for GSIs 24-47
		gsi, vector int
		apic, pin   int // where the entry must land
		wantErr     string
	}{
		{name: "first", gsi: 12, vector: 34, apic: 0, pin: 12},
		{name: "second", second: true, gsi: 47, vector: 40, apic: 1, pin: 23},
		{name: "second-first-pin", second: true, gsi: 24, vector: 35, apic: 1, pin: 0},
		{name: "beyond", second: true, gsi: 48, vector: 34, wantErr: "no I/O APIC has this GSI"},
		{name: "no-second", gsi: 30, vector: 34, wantErr: "no I/O APIC has this GSI"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			first := newFakeIOAPIC(24)
			apics := []ioapicRegs{first, &absentIOAPIC{}}
			var second *fakeIOAPIC
			if tc.second {
				second = newFakeIOAPIC(24)
				apics[1] = second
			}
			err := routeGSI(apics, []int{0, 24}, tc.gsi, tc.vector, 3)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err = %v, want %q", err, tc.wantErr)
				}
				if a, ok := apics[1].(*absentIOAPIC); ok && a.writes != 0 {
					t.Errorf("%d writes to an absent I/O APIC", a.writes)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			f := []*fakeIOAPIC{first, second}[tc.apic]
			lo, hi := f.regs[ioapicRedir+2*uint32(tc.pin)], f.regs[ioapicRedir+2*uint32(tc.pin)+1]
			if lo != uint32(tc.vector) {
				t.Errorf("low word %#x, want vector %d, fixed, physical, edge, active high, unmasked", lo, tc.vector)
			}
			if hi != 3<<24 {
				t.Errorf("high word %#x, want destination 3 in bits 24-31", hi)
			}
			// Every other pin stays masked.
			for _, g := range []*fakeIOAPIC{first, second} {
				if g == nil {
					continue
				}
				for p := 0; p < 24; p++ {
					if (g != f || p != tc.pin) && g.regs[ioapicRedir+2*uint32(p)]&ioapicMasked == 0 {
						t.Errorf("pin %d of another GSI was unmasked", p)
					}
				}
			}
		})
	}
}

// TestDealIRQ checks how device vectors spread over the online CPUs:
// in turn, from the last CPU down, skipping CPUs that did not start, and
// all on the one CPU of a one-CPU machine.
func TestDealIRQ(t *testing.T) {
	v := FirstDeviceVector
	for _, tt := range []struct {
		online []int
		vector int
		want   int
	}{
		{[]int{0}, v, 0}, {[]int{0}, v + 5, 0},
		{[]int{0, 1}, v, 1}, {[]int{0, 1}, v + 1, 0}, {[]int{0, 1}, v + 2, 1},
		{[]int{0, 1, 2, 3}, v + 1, 2}, {[]int{0, 1, 2, 3}, v + 3, 0}, {[]int{0, 1, 2, 3}, v + 4, 3},
		{[]int{0, 1, 3}, v + 1, 1}, // CPU 2 did not start
	} {
		if got := dealIRQ(tt.online, tt.vector); got != tt.want {
			t.Errorf("dealIRQ(%v, first+%d) = %d, want %d", tt.online, tt.vector-v, got, tt.want)
		}
	}
}
