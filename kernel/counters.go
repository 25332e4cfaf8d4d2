package kernel

// Counters are running totals the trap world keeps, readable from the Go
// world so a guest (a test, a benchmark) can tell what the kernel did
// during a stretch of its own work. They count from boot and never reset.
type Counters struct {
	TimerInterrupts uint64 // LAPIC timer interrupts taken, in either ring
	TimerArms       uint64 // LAPIC timer programmings (arm or stop)
	EarlyTimers     uint64 // timer interrupts from ring 3 with nothing due: stale or early
	Switches        uint64 // context switches to a different thread
	FreeBytes       uint64 // physical memory not in use, now
}

// ReadCounters returns the kernel's counters. One CPU writes them with
// interrupts off and each is a single aligned word, so a reading is never
// torn; two fields may be one trap apart.
func ReadCounters() Counters {
	return Counters{
		TimerInterrupts: cpu0.ticks,
		TimerArms:       prof.timerArms,
		EarlyTimers:     prof.earlyTimers,
		Switches:        prof.switches,
		FreeBytes:       freeFrames() * pageSize,
	}
}
