package kernel

// Machine constants shared with the assembly through go_asm.h.
const (
	bootScratchStack = 0x8000 // stack for the first 32-bit instructions (conventional memory)
	kstackSize       = 64 << 10
	istStackSize     = 16 << 10

	cr0PE         = 1 << 0
	cr0MP         = 1 << 1
	cr0EM         = 1 << 2
	cr0PG         = 1 << 31
	cr4PAE        = 1 << 5
	cr4OSFXSR     = 1 << 9
	cr4OSXMMEXCPT = 1 << 10

	msrEFER     = 0xC0000080
	msrSTAR     = 0xC0000081
	msrLSTAR    = 0xC0000082
	msrFMASK    = 0xC0000084
	msrFSBase   = 0xC0000100
	msrGSBase   = 0xC0000101
	msrAPICBase = 0x1B
	eferSCE     = 1 << 0
	eferLME     = 1 << 8

	// maxCPUs bounds the CPUs the kernel starts (smp_trap.go); a
	// thread's affinity mask is 32 bits.
	maxCPUs = 32

	// GDT layout. SYSRET needs user data at STAR[63:48]+8 and user code
	// at STAR[63:48]+16, hence data before code in ring 3. Each CPU has
	// its own TSS descriptor (two slots) from tssSel on.
	gdtEntries = 5 + 2*maxCPUs // null, kcode, kdata, udata, ucode, TSS per CPU
	kernelCS   = 0x08
	kernelDS   = 0x10
	userDS     = 0x18 | 3
	userCS     = 0x20 | 3
	tssSel     = 0x28

	// tssRSP0 is the byte offset of RSP0 in the 64-bit TSS.
	tssRSP0 = 4
	// vecSyscall marks a trapFrame saved by SYSCALL (not an IDT vector).
	vecSyscall   = 256
	vecTimer     = 32
	vecSpurious  = 47
	vecWake      = 48 // IPI: a thread became runnable while this CPU idles
	vecShootdown = 49 // IPI: flush the TLB (lock_trap.go)
	numVectors   = 50 // stubs in vectors_amd64.s (gen_vectors.go nvec)

	rflagsIF    = 1 << 9
	rflagsIOPL3 = 3 << 12
)

// trapFrame is the saved user context. Its layout is fixed by
// trap_amd64.s: general registers stored by the stubs, then the vector and
// error code, then the iret frame the CPU pushes.
type trapFrame struct {
	R15, R14, R13, R12, R11, R10, R9, R8 uint64
	RDI, RSI, RBP, RBX, RDX, RCX, RAX    uint64
	Vector, Err                          uint64
	RIP, CS, RFLAGS, RSP, SS             uint64
}

// cpuState is the per-CPU block. Each CPU's GS base points at its own
// (the Go world never touches GS: it uses FS only), and self holds that
// address, so thisCPU finds it with one load and the entry code reaches
// the fields as GS-relative operands.
type cpuState struct {
	self      uintptr // this block's address (GS:0)
	cur       uintptr // address of the running thread
	curTop    uintptr // end of cur's trapFrame: SYSCALL frames are pushed here
	userSP    uint64  // user RSP while syscallEntry switches stacks
	kstackTop uintptr // per-CPU kernel stack for trap-world Go
	scratchFS uintptr // FS base while in the trap world
	tss       uintptr // address of this CPU's TSS (resumeUser sets RSP0)
	curIdx    int     // index of cur in threads; -1 before the CPU's first thread
	ticks     uint64  // timer interrupts taken
	index     int     // position in cpus
	apicID    uint32  // LAPIC ID, from the MADT
	online    uint32  // set by the CPU itself once it runs (smp_trap.go)
	// The CPU's LAPIC timer and preemption quantum (sched_trap.go).
	timerAt    uint64 // nanotime the timer is armed for, 0 when stopped
	quantumEnd uint64 // end of cur's quantum
	timerDirty bool   // the deadline the timer must fire at may have changed
	idle       bool   // halted in schedule with nothing to run (under trapLock)
	tlbSeen    uint64 // last TLB shootdown generation served (lock_trap.go)
	tlbFlushAt uint64 // nanotime of the last CR3 reload that grows TCG's TLB (tlbgrow_trap.go)
	// fxOwner is the thread whose FPU/SSE control state (FCW, MXCSR) the
	// CPU holds: the one resumeUser last returned to (trap_amd64.s).
	fxOwner uintptr
	devices uint64 // device interrupts taken (irq_trap.go)
	// profAt is the nanotime at which the profiling timer sends this CPU's
	// thread SIGPROF; idle time pushes it back (itimer_trap.go).
	profAt uint64
}

var (
	// cpus are the CPUs the MADT lists (ncpus of them, the boot CPU
	// first); cpu0 is the boot CPU.
	cpus  [maxCPUs]cpuState
	ncpus int
	cpu0  = &cpus[0]

	// gdt is loaded by the 32-bit entry; the TSS descriptor is filled in
	// by bootMain.
	gdt = [gdtEntries]uint64{
		0,
		0x00AF9A000000FFFF, // kernel code: 64-bit, DPL 0
		0x00CF92000000FFFF, // kernel data
		0x00CFF2000000FFFF, // user data: DPL 3
		0x00AFFA000000FFFF, // user code: 64-bit, DPL 3
	}
	gdtr [2]uint64 // pseudo-descriptor: limit (2 bytes) then base
	idt  [numVectors * 2]uint64
	idtr [2]uint64
	tss  [maxCPUs][26]uint32 // 64-bit TSS per CPU (104 bytes); RSP0 at byte 4, IST1 at byte 36

	bootPT     [8 * 4096]byte // boot page tables (aligned at run time)
	kstack     [kstackSize]byte
	istStack   [istStackSize]byte
	fakeG      [64]uint64 // a zero g: stack guard 0, so no morestack calls
	scratchTLS [8]uint64  // [0] = &fakeG; FS base = &scratchTLS[1]
)

// vectorAddr returns the address of IDT vector i's stub (vectors_amd64.s).
func vectorAddr(i int) uintptr
