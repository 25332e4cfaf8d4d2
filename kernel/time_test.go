package kernel

import (
	"testing"
	"time"
)

func TestDaysFromCivil(t *testing.T) {
	for _, d := range []time.Time{
		time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2000, 2, 29, 0, 0, 0, 0, time.UTC),
		time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC),
		time.Date(2099, 12, 31, 0, 0, 0, 0, time.UTC),
	} {
		got := daysFromCivil(uint64(d.Year()), uint64(d.Month()), uint64(d.Day()))
		if want := uint64(d.Unix() / 86400); got != want {
			t.Errorf("daysFromCivil(%v) = %d, want %d", d.Format("2006-01-02"), got, want)
		}
	}
}

func TestBCD(t *testing.T) {
	if got := bcd(0x59, false); got != 59 {
		t.Errorf("bcd(0x59) = %d", got)
	}
	if got := bcd(59, true); got != 59 {
		t.Errorf("binary 59 = %d", got)
	}
}

func TestParseCmdline(t *testing.T) {
	for _, tc := range []struct {
		cmd            string
		sys, boot, mem bool
	}{
		{"", false, false, false},
		{"ebbnode.debug=syscalls", true, false, false},
		{"quiet ebbnode.debug=boot,mmap other=1", false, true, true},
		{"ebbnode.debug=syscallsX", false, false, false},
	} {
		bootInfo.cmdlen = copy(bootInfo.cmdline[:], tc.cmd)
		debugSys, debugBoot, debugMM = false, false, false
		parseCmdline()
		if debugSys != tc.sys || debugBoot != tc.boot || debugMM != tc.mem {
			t.Errorf("%q: syscalls=%v boot=%v mmap=%v, want %v %v %v", tc.cmd, debugSys, debugBoot, debugMM, tc.sys, tc.boot, tc.mem)
		}
	}
	bootInfo.cmdlen = 0
	debugSys, debugBoot, debugMM = false, false, false
}
