package kernel

// Counters are running totals the trap world keeps, readable from the Go
// world so a guest (a test, a benchmark) can tell what the kernel did
// during a stretch of its own work. They count from boot and never reset.
type Counters struct {
	TimerInterrupts uint64 // LAPIC timer interrupts taken, in either ring, on every CPU
	TimerArms       uint64 // LAPIC timer programmings (arm or stop)
	EarlyTimers     uint64 // timer interrupts from ring 3 with nothing due: stale or early
	Switches        uint64 // context switches to a different thread
	Traps           uint64 // traps from ring 3 but IPIs: system calls, faults, interrupts
	Syscalls        uint64 // system calls
	PageFaults      uint64 // page faults from ring 3 (demand paging and SIGSEGV)
	TLBGrows        uint64 // CR3 reloads that let QEMU TCG's TLB grow (tlbgrow_trap.go)
	FreeBytes       uint64 // physical memory not in use, now
	Threads         uint64 // live threads, now
}

// ReadCounters returns the kernel's counters. The trap world writes them
// under its lock and each is a single aligned word, so a reading is never
// torn; two fields may be one trap apart.
func ReadCounters() Counters {
	return Counters{
		TimerInterrupts: totalTicks(),
		TimerArms:       prof.timerArms,
		EarlyTimers:     prof.earlyTimers,
		Switches:        prof.switches,
		Traps:           prof.traps,
		Syscalls:        prof.syscalls,
		PageFaults:      prof.faults,
		TLBGrows:        prof.tlbGrows,
		FreeBytes:       freeFrames() * pageSize,
		Threads:         uint64(nthreads),
	}
}

// DeviceInterrupts returns the device interrupts CPU cpu (as getcpu
// numbers them) has taken since boot; 0 for a CPU out of range.
func DeviceInterrupts(cpu int) uint64 {
	if cpu < 0 || cpu >= ncpus {
		return 0
	}
	return cpus[cpu].devices
}

// OnlineCPUs returns the number of CPUs the kernel started (the boot CPU
// included): the set sched_getaffinity reports.
func OnlineCPUs() int { return nonline }

// Cmdline is the kernel command line the loader passed (QEMU -append);
// "" when hosted. Go world.
func Cmdline() string { return string(bootInfo.cmdline[:bootInfo.cmdlen]) }

// TSCHz is the time-stamp counter's frequency as calibrated at boot (0
// when hosted): the clock the Go world reads runs on it, so a duration
// in nanoseconds is TSCHz/1e9 cycles per nanosecond. Go world.
func TSCHz() uint64 { return clock.tscHz }
