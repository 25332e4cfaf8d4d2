package kernel

// The trap profile behind ebbnode.debug=syscalls: how often the trap world
// runs, why, and how much of the machine's time it and the idle loop take
// (TSC cycles, converted at exit). The counters are cheap increments; the
// TSC reads happen only with the switch on, so the profile costs nothing
// otherwise. Trap world: //go:nosplit, no allocation.

var prof struct {
	traps    uint64 // traps from ring 3 but IPIs (system calls, faults, interrupts)
	syscalls uint64 // system calls
	faults   uint64 // page faults from ring 3 (demand paging and SIGSEGV)
	devices  uint64 // device interrupts
	switches uint64 // context switches to a different thread
	halts    uint64 // idle HLTs
	// wakeIPIs counts wake-ups sent to an idle CPU, shootdowns the TLB
	// shootdowns (lock_trap.go).
	wakeIPIs, shootdowns uint64
	// deadlineWakes counts threads woken by their deadline; earlyTimers
	// the timer interrupts from ring 3 that found neither an expired
	// deadline nor the end of a quantum: one that fired too soon, or was
	// armed for a deadline that a system call had already served.
	deadlineWakes, earlyTimers uint64
	// timerArms counts LAPIC timer programmings (arm or stop): under TCG
	// each is an MMIO exit (or an MSR write in TSC-deadline mode).
	timerArms uint64
	// tlbGrows counts CR3 reloads that let TCG's TLB grow (tlbgrow_trap.go).
	tlbGrows uint64
	idleTSC  uint64 // TSC cycles halted in the idle loop
	// lockWaits counts entries that found trapLock held; lockWaitTSC is
	// the time they spun for it (lock_trap.go): what one lock costs
	// against per-CPU run queues.
	lockWaits, lockWaitTSC uint64
	// TSC cycles in userTrap, idle time excluded, by kind of trap.
	sysTSC, timerTSC, faultTSC, otherTSC uint64
}

// profiledUserTrap runs userTrapDispatch and adds its time, minus any
// idle time it spent halted, to the profile. Not nosplit, like userTrap
// (see there): it is a root of the trap world's call chains.
func profiledUserTrap() {
	v := current().tf.Vector
	t0 := rdtsc()
	idle0 := prof.idleTSC
	userTrapDispatch()
	d := rdtsc() - t0 - (prof.idleTSC - idle0)
	switch v {
	case vecSyscall:
		prof.sysTSC += d
	case vecTimer:
		prof.timerTSC += d
	case 14:
		prof.faultTSC += d
	default:
		prof.otherTSC += d
	}
}

// profiledIdleWait halts like idleWait and, with the profile on, returns
// the halted time (the caller adds it under trapLock).
//
//go:nosplit
func profiledIdleWait() uint64 {
	if !debugSys {
		idleWait()
		return 0
	}
	t0 := rdtsc()
	idleWait()
	return rdtsc() - t0
}

// tscMillis converts TSC cycles to milliseconds.
//
//go:nosplit
func tscMillis(c uint64) uint64 {
	if clock.tscHz == 0 {
		return 0
	}
	return c / (clock.tscHz / 1000)
}

// printProfile prints the trap profile (one line, after the syscall counts).
//
//go:nosplit
func printProfile() {
	kprint("ebbnode: traps: total=")
	kprintDec(prof.traps)
	kprint(" timer=")
	kprintDec(totalTicks())
	kprint(" early-timer=")
	kprintDec(prof.earlyTimers)
	kprint(" timer-arms=")
	kprintDec(prof.timerArms)
	kprint(" deadline-wakes=")
	kprintDec(prof.deadlineWakes)
	kprint(" pagefault=")
	kprintDec(prof.faults)
	kprint(" device=")
	kprintDec(prof.devices)
	kprint(" switches=")
	kprintDec(prof.switches)
	kprint(" halts=")
	kprintDec(prof.halts)
	kprint(" wake-ipis=")
	kprintDec(prof.wakeIPIs)
	kprint(" shootdowns=")
	kprintDec(prof.shootdowns)
	kprint(" tlb-grows=")
	kprintDec(prof.tlbGrows)
	kprint(" lock-waits=")
	kprintDec(prof.lockWaits)
	kprint(" lock-wait=")
	kprintDec(tscMillis(prof.lockWaitTSC))
	kprint("ms")
	kprint(" trap-world: syscall=")
	kprintDec(tscMillis(prof.sysTSC))
	kprint("ms timer=")
	kprintDec(tscMillis(prof.timerTSC))
	kprint("ms fault=")
	kprintDec(tscMillis(prof.faultTSC))
	kprint("ms other=")
	kprintDec(tscMillis(prof.otherTSC))
	kprint("ms idle=")
	kprintDec(tscMillis(prof.idleTSC))
	kprint("ms uptime=")
	kprintDec(nanotime() / 1000000)
	kprint("ms\n")
}

// printCounters prints the counters kept with or without the profile
// switch, as key=value pairs on one line (ebbnode.debug=counters; the
// format is parsed by benchmarks.ParseKernelCounters).
//
//go:nosplit
func printCounters() {
	kprint("ebbnode: counters: traps=")
	kprintDec(prof.traps)
	kprint(" syscalls=")
	kprintDec(prof.syscalls)
	kprint(" timer=")
	kprintDec(totalTicks())
	kprint(" early-timer=")
	kprintDec(prof.earlyTimers)
	kprint(" timer-arms=")
	kprintDec(prof.timerArms)
	kprint(" pagefaults=")
	kprintDec(prof.faults)
	kprint(" faults-2m=")
	kprintDec(mmStats.huge)
	kprint(" faults-4k=")
	kprintDec(mmStats.small)
	kprint(" reclaimed=")
	kprintDec(mmStats.reclaimed)
	kprint(" switches=")
	kprintDec(prof.switches)
	kprint(" halts=")
	kprintDec(prof.halts)
	kprint(" devices=")
	kprintDec(prof.devices)
	kprint(" tlb-grows=")
	kprintDec(prof.tlbGrows)
	kprint(" free-kib=")
	kprintDec(freeFrames() * pageSize >> 10)
	kprint(" uptime-ms=")
	kprintDec(nanotime() / 1000000)
	kprint("\n")
}
