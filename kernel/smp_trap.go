package kernel

import "sync/atomic"

// Starting the other CPUs (application processors, APs). The boot CPU
// copies a real-mode trampoline to trampolineAddr, below 1 MiB where a
// start-up IPI can point, and starts each AP the MADT lists in turn with
// INIT, SIPI, SIPI (Intel SDM Vol. 3A, 8.4.4). The trampoline takes the AP
// through protected mode into long mode on the kernel's page tables and
// jumps to apEntry64 (smp_amd64.s) on a kernel stack of its own; apMain
// loads the shared IDT and the CPU's own TSS (with its own IST stack),
// points GS at the CPU's cpuState, enables its LAPIC and proves its LAPIC
// timer with one tick before it reports itself online. An AP that is not
// online within apStartTimeout is sent INIT again, so it can never run
// later on another AP's stack, and the machine boots without it, saying
// so on the console.
//
// Once thread 1 exists (startScheduler) the APs enter the scheduler and
// run threads like the boot CPU. Trap world: //go:nosplit, no allocation.

const (
	// trampolineAddr is the trampoline's page: conventional memory
	// below lowRAM (never given to the frame allocator) and above the
	// 32-bit entry's scratch stack (bootScratchStack grows down from
	// 0x8000). A SIPI's vector is the page number.
	trampolineAddr = 0x9000
	// The trampoline's parameters, written by the boot CPU before each
	// start: the PML4 (below 4 GiB), the AP's stack top, its 64-bit
	// entry, its index in cpus.
	trampCR3   = trampolineAddr + 0x100
	trampStack = trampolineAddr + 0x108
	trampEntry = trampolineAddr + 0x110
	trampCPU   = trampolineAddr + 0x118

	apStartTimeout = 1000000000 // 1 s: TCG on a busy host is slow
	apStackSize    = kstackSize

	lapicICRLow  = 0x300
	lapicICRHigh = 0x310
	icrPending   = 1 << 12
	icrINIT      = 0x4500 // INIT, level assert
	icrSIPI      = 0x4600 // start-up; vector = page number
)

// trampolineCode is the real-mode start of an AP, assembled with GNU as
// from this source (T = 0x9000; the parameters at T+0x100.. are written
// by startAP):
//
//	.code16
//	start:	cli; cld
//		movw %cs, %ax; movw %ax, %ds
//		lgdtl gdtr - start
//		movl %cr0, %eax; orl $1, %eax; movl %eax, %cr0   # PE
//		ljmpl $0x18, $(T + pm32 - start)                 # 32-bit code
//	.code32
//	pm32:	movw $0x10, %ax; movw %ax, %ds; movw %ax, %es; movw %ax, %ss
//		movl %cr4, %eax; orl $0x620, %eax; movl %eax, %cr4  # PAE|OSFXSR|OSXMMEXCPT
//		movl (T + 0x100), %eax; movl %eax, %cr3
//		movl $0xC0000080, %ecx; rdmsr; orl $0x101, %eax; wrmsr  # EFER.LME|SCE
//		movl %cr0, %eax; orl $0x80000003, %eax; andl $0x9ffffffb, %eax; movl %eax, %cr0  # PG|MP, clear EM|NW|CD
//		ljmpl $0x08, $(T + lm64 - start)                 # 64-bit kernel code
//	.code64
//	lm64:	movq (T + 0x108), %rsp
//		movq (T + 0x110), %rax
//		jmpq *%rax
//		.org 0xC0
//	gdt:	.quad 0, 0x00AF9A000000FFFF, 0x00CF92000000FFFF, 0x00CF9A000000FFFF
//	gdtr:	.word 31; .long T + gdt - start
//
// Its GDT matches the kernel's for selectors 0x08 and 0x10, so apEntry64
// loads the kernel's GDT without reloading CS.
var trampolineCode = [...]byte{
	0xfa, 0xfc, 0x8c, 0xc8, 0x8e, 0xd8, 0x66, 0x0f, 0x01, 0x16, 0xe0, 0x00,
	0x0f, 0x20, 0xc0, 0x66, 0x83, 0xc8, 0x01, 0x0f, 0x22, 0xc0, 0x66, 0xea,
	0x1e, 0x90, 0x00, 0x00, 0x18, 0x00, 0x66, 0xb8, 0x10, 0x00, 0x8e, 0xd8,
	0x8e, 0xc0, 0x8e, 0xd0, 0x0f, 0x20, 0xe0, 0x0d, 0x20, 0x06, 0x00, 0x00,
	0x0f, 0x22, 0xe0, 0xa1, 0x00, 0x91, 0x00, 0x00, 0x0f, 0x22, 0xd8, 0xb9,
	0x80, 0x00, 0x00, 0xc0, 0x0f, 0x32, 0x0d, 0x01, 0x01, 0x00, 0x00, 0x0f,
	0x30, 0x0f, 0x20, 0xc0, 0x0d, 0x03, 0x00, 0x00, 0x80, 0x25, 0xfb, 0xff,
	0xff, 0x9f, 0x0f, 0x22, 0xc0, 0xea, 0x60, 0x90, 0x00, 0x00, 0x08, 0x00,
	0x48, 0x8b, 0x24, 0x25, 0x08, 0x91, 0x00, 0x00, 0x48, 0x8b, 0x04, 0x25,
	0x10, 0x91, 0x00, 0x00, 0xff, 0xe0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff, 0xff, 0x00, 0x00,
	0x00, 0x9a, 0xaf, 0x00, 0xff, 0xff, 0x00, 0x00, 0x00, 0x92, 0xcf, 0x00,
	0xff, 0xff, 0x00, 0x00, 0x00, 0x9a, 0xcf, 0x00, 0x1f, 0x00, 0xc0, 0x90,
}

// nonline counts the CPUs running, the boot CPU included.
var nonline = 1

// startAPs starts every AP findCPUs found and reports the outcome: a
// line per AP that did not start (always), the total with
// ebbnode.debug=boot.
//
//go:nosplit
func startAPs() {
	cpus[0].online = 1
	if ncpus > 1 && !trampolineFree() {
		kprint("ebbnode: the AP start-up page is not free RAM; booting on one CPU\n")
		ncpus = 1
	}
	for i := 1; i < ncpus; i++ {
		if startAP(i) {
			nonline++
			continue
		}
		kprint("ebbnode: CPU ")
		kprintDec(uint64(i))
		kprint(" (LAPIC ID ")
		kprintDec(uint64(cpus[i].apicID))
		kprint(") did not start; booting without it\n")
	}
	if debugBoot || nonline < ncpus {
		kprint("ebbnode: boot: ")
		kprintDec(uint64(nonline))
		kprint(" of ")
		kprintDec(uint64(ncpus))
		kprint(" CPUs online\n")
	}
}

// trampolineFree reports whether the trampoline's page is RAM in the
// E820 map and holds no boot module.
//
//go:nosplit
func trampolineFree() bool {
	for i := 0; i < bootInfo.nmods; i++ {
		if m := &bootInfo.mods[i]; m.addr < trampolineAddr+pageSize && m.addr+m.size > trampolineAddr {
			return false
		}
	}
	for i := 0; i < bootInfo.nmem; i++ {
		if e := bootInfo.mem[i]; e.typ == 1 && e.addr <= trampolineAddr && e.addr+e.size >= trampolineAddr+pageSize {
			return true
		}
	}
	return false
}

// startAP starts cpus[i] and waits until it is online or the timeout
// passes; then it is held in INIT.
//
//go:nosplit
func startAP(i int) bool {
	c := &cpus[i]
	n := uint64(apStackSize+istStackSize) / pageSize
	stk, ok := phys.AllocContig(n)
	if !ok {
		return false
	}
	c.kstackTop = uintptr(stk) + apStackSize
	for j := range trampolineCode {
		store8(trampolineAddr+uintptr(j), trampolineCode[j])
	}
	store64(trampCR3, uint64(pml4))
	store64(trampStack, uint64(c.kstackTop))
	store64(trampEntry, uint64(apEntryAddr()))
	store64(trampCPU, uint64(i))
	sendIPI(c.apicID, icrINIT)
	bootDelay(10000000) // 10 ms
	skip := debugAPFail && i == ncpus-1
	for try := 0; try < 2 && !skip; try++ {
		sendIPI(c.apicID, icrSIPI|trampolineAddr>>12)
		bootDelay(200000) // 200 µs
		if load32(onlineAddr(i)) != 0 {
			break
		}
	}
	end := nanotime() + apStartTimeout
	for load32(onlineAddr(i)) == 0 && nanotime() < end {
		bootDelay(1000000)
	}
	if load32(onlineAddr(i)) == 0 {
		sendIPI(c.apicID, icrINIT)
		// It may have come online just before the INIT stopped it: it
		// is not running now, so no shootdown may wait for it.
		store32(onlineAddr(i), 0)
		return false
	}
	return true
}

// sendIPI sends an interprocessor interrupt (the ICR's low word) to the
// CPU with LAPIC ID dest and waits until the LAPIC has sent it.
//
//go:nosplit
func sendIPI(dest uint32, low uint32) {
	lapicWrite(lapicICRHigh, dest<<24)
	lapicWrite(lapicICRLow, low)
	for i := 0; i < 1000000 && lapicRead(lapicICRLow)&icrPending != 0; i++ {
	}
}

// bootDelay waits ns nanoseconds halted (so that, under single-threaded
// TCG, the other vCPUs run meanwhile), woken by the LAPIC timer.
//
//go:nosplit
func bootDelay(ns uint64) {
	end := nanotime() + ns
	for now := nanotime(); now < end; now = nanotime() {
		programTimer(end - now)
		idleWait()
	}
	stopTimer()
	thisCPU().timerAt = 0
}

// apMain runs on AP i, on its own stack, with the kernel's GDT loaded and
// the scratch TLS in FS (apEntry64).
//
//go:nosplit
func apMain() {
	i := int(load64(trampCPU))
	c := &cpus[i]
	setCPUBase(i)
	lidt(idtrAddr())
	setupTSS(i, c.kstackTop+istStackSize)
	setupSyscall()
	lapicInit()
	programTimer(1000000) // 1 ms: the first tick proves the timer
	for c.ticks == 0 {
		idleWait()
	}
	store32(onlineAddr(i), 1)
	for atomic.LoadUint32(&schedReady) == 0 {
		idleWait() // until startScheduler's wake-up IPI
	}
	lockTrap()
	schedule(false)
	armAtExit()
	unlockTrap()
	resumeUser()
}

// schedReady is set once thread 1 exists: the APs then enter the
// scheduler (apMain).
var schedReady uint32

// startScheduler lets the APs look for threads to run (after
// setupMainThread).
//
//go:nosplit
func startScheduler() {
	atomic.StoreUint32(&schedReady, 1)
	if nonline > 1 {
		sendIPIAll(vecWake)
	}
}

// totalTicks sums the timer interrupts of every CPU.
//
//go:nosplit
func totalTicks() uint64 {
	n := uint64(0)
	for i := 0; i < ncpus; i++ {
		n += cpus[i].ticks
	}
	return n
}

// onlineMask is the affinity mask of the online CPUs: bit i is cpus[i]
// (an AP that did not start leaves its bit clear).
//
//go:nosplit
func onlineMask() uint64 {
	m := uint64(0)
	for i := 0; i < ncpus; i++ {
		if cpus[i].online != 0 {
			m |= 1 << uint(i)
		}
	}
	return m
}
