package kernel

import "sync"

// Go-world side of the boot timing behind ebbnode.debug=boot: this
// package's init runs once the runtime is up, just before the main
// package's own initialisation, and prints where the boot's time went by
// the TSC (RDTSC is allowed in ring 3). QEMU starts the guest's TSC at 0
// when the machine starts running (TCG and KVM alike), so a TSC reading
// is also the time since QEMU finished setting up and ran the firmware:
// the entry mark is the firmware's share (SeaBIOS or qboot loading the
// PVH kernel). Later marks come from the image's main through BootMark.

func init() {
	if !debugBoot || clock.tscHz == 0 {
		return
	}
	bootLine("pvh-entry (firmware done)", bootInfo.entryTSC, 0)
	bootLine("clock calibrated", bootInfo.timeTSC, bootInfo.entryTSC)
	bootLine("_rt0 (kernel done)", bootInfo.rt0TSC, bootInfo.timeTSC)
	lastMark.tsc = rdtsc()
	bootLine("kernel package init (Go runtime up)", lastMark.tsc, bootInfo.rt0TSC)
}

var lastMark struct {
	sync.Mutex
	tsc uint64
}

// BootMark prints, with ebbnode.debug=boot, the time since the machine
// started and since the previous mark, labelled what: an image's main
// marks its own stages (runtime set up, script started, first output).
// Without the switch it does nothing.
func BootMark(what string) {
	if !debugBoot || clock.tscHz == 0 {
		return
	}
	lastMark.Lock()
	defer lastMark.Unlock()
	now := rdtsc()
	bootLine(what, now, lastMark.tsc)
	lastMark.tsc = now
}

// bootLine prints one stage: its end in microseconds since the TSC's
// zero (QEMU's machine start) and its length since prev.
func bootLine(what string, tsc, prev uint64) {
	us := func(c uint64) uint64 { return c * 1000 / (clock.tscHz / 1000) }
	println("ebbnode: boot:", what, "at", us(tsc), "us (+", us(tsc-prev), "us)")
}
