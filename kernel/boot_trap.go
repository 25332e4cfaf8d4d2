package kernel

// bootMain runs once, in 64-bit mode on the boot stack, before the Go
// runtime exists. It sets up the machine and thread 1, whose context is
// the stock runtime's Linux entry with a synthetic process stack; the
// entry code then resumes it. Trap world: //go:nosplit, no allocation.

const (
	startInfoMagic = 0x336ec578
	mainStackSize  = 256 << 10
	maxE820        = 128
	cmdlineMax     = 1024
	maxModules     = 8
	modCmdlineMax  = 256
	// lowRAM is the lowest address the frame allocator may hand out: the
	// pages below hold the 32-bit entry's scratch stack
	// (bootScratchStack).
	lowRAM = 0x10000
)

// bootModule is a PVH module (QEMU -initrd): its memory stays where the
// loader put it, reserved from the frame allocator.
type bootModule struct {
	addr, size uint64
	cmdline    [modCmdlineMax]byte
	cmdlen     int
}

type e820Entry struct {
	addr, size uint64
	typ        uint32
}

var (
	bootInfo struct {
		cmdline  [cmdlineMax]byte
		cmdlen   int
		mem      [maxE820]e820Entry
		nmem     int
		mods     [maxModules]bootModule
		nmods    int
		entryTSC uint64
		// TSC after timeInit and just before thread 1 first runs
		// (_rt0_amd64_linux), for ebbnode.debug=boot (boottime.go).
		timeTSC, rt0TSC uint64
		rsdp            uint64 // ACPI RSDP from hvm_start_info, 0 if none given
	}
	mainStack [mainStackSize]byte
)

// bootMain is a trap-world root like userTrap: it runs on the boot stack
// with the scratch g, so its stack check never fires.
func bootMain(startInfo uintptr) {
	tsc := rdtsc()
	setCPUBase(0)
	serialInit()
	copyStartInfo(startInfo)
	parseCmdline()
	findCPUs()
	unmapPage0()
	_, _, ecx, _ := cpuid(1, 0)
	hasRDRAND = ecx&(1<<30) != 0
	underTCG = detectTCG()
	bootInfo.entryTSC = tsc
	clock.tsc0 = tsc
	setupDescriptors()
	setupSyscall()
	pml4 = uintptr(readCR3() & pteAddrMask)
	setupFrames()
	hardenMemory()
	if threadAddr(0)%16 != 0 || (threadAddr(0)+trapFrameSize)%16 != 0 {
		kpanic("thread table is not 16-byte aligned")
	}
	timeInit()
	bootInfo.timeTSC = rdtsc()
	if debugBoot {
		kprint("ebbnode: boot: TSC ")
		kprintDec(clock.tscHz / 1000000)
		kprint(" MHz (")
		kprint(clock.calibrate)
		kprint("), LAPIC timer ")
		kprintDec(clock.lapicHz / 1000)
		kprint(" kHz")
		if clock.deadline {
			kprint(" (TSC-deadline mode)")
		}
		kprint(", free memory ")
		kprintDec(freeFrames() * pageSize >> 20)
		kprint(" MiB\n")
		for i := 0; i < bootInfo.nmem; i++ {
			e := &bootInfo.mem[i]
			kprint("ebbnode: boot: e820 ")
			kprintHex(e.addr)
			kprint("-")
			kprintHex(e.addr + e.size)
			kprint(" type ")
			kprintDec(uint64(e.typ))
			kprint("\n")
		}
		for i := 0; i < bootInfo.nmods; i++ {
			kprint("ebbnode: boot: module at ")
			kprintHex(bootInfo.mods[i].addr)
			kprint(" size ")
			kprintDec(bootInfo.mods[i].size)
			kprint("\n")
		}
	}
	startAPs()
	setupMainThread()
	bootInfo.rt0TSC = rdtsc()
	startScheduler()
}

// copyStartInfo copies what we need out of hvm_start_info, which lives in
// firmware memory that the frame allocator may hand out.
//
//go:nosplit
func copyStartInfo(si uintptr) {
	if si == 0 || load32(si) != startInfoMagic {
		kpanic("no PVH hvm_start_info (boot through a PVH loader such as qemu -kernel)")
	}
	bootInfo.rsdp = load64(si + 32)
	if cmd := uintptr(load64(si + 24)); cmd != 0 {
		n := 0
		for n < cmdlineMax-1 && load8(cmd+uintptr(n)) != 0 {
			bootInfo.cmdline[n] = load8(cmd + uintptr(n))
			n++
		}
		bootInfo.cmdlen = n
	}
	// Modules: hvm_modlist_entry is paddr, size, cmdline_paddr, reserved.
	if nm, ml := int(load32(si+12)), uintptr(load64(si+16)); ml != 0 {
		for i := 0; i < nm && i < maxModules; i++ {
			e := ml + uintptr(i)*32
			m := &bootInfo.mods[i]
			m.addr, m.size = load64(e), load64(e+8)
			if c := uintptr(load64(e + 16)); c != 0 {
				for m.cmdlen < modCmdlineMax-1 && load8(c+uintptr(m.cmdlen)) != 0 {
					m.cmdline[m.cmdlen] = load8(c + uintptr(m.cmdlen))
					m.cmdlen++
				}
			}
			bootInfo.nmods++
		}
	}
	mm := uintptr(load64(si + 40))
	n := int(load32(si + 48))
	if mm == 0 || n == 0 {
		kpanic("hvm_start_info has no memory map")
	}
	if n > maxE820 {
		n = maxE820
	}
	for i := 0; i < n; i++ {
		e := mm + uintptr(i)*24
		bootInfo.mem[i] = e820Entry{addr: load64(e), size: load64(e + 8), typ: load32(e + 16)}
	}
	bootInfo.nmem = n
}

// unmapPage0 removes the boot map of page 0 so nil dereferences fault.
//
//go:nosplit
func unmapPage0() {
	pd0 := uintptr(load64(uintptr(readCR3()&pteAddrMask)+0x1000*0) & pteAddrMask) // PML4[0] -> PDPT
	pd0 = uintptr(load64(pd0) & pteAddrMask)                                      // PDPT[0] -> PD0
	pt0 := uintptr(load64(pd0) & pteAddrMask)                                     // PD0[0] -> PT0
	store64(pt0, 0)
	invlpg(0)
}

// parseCmdline looks for ebbnode.debug=a,b in the kernel command line.
//
//go:nosplit
func parseCmdline() {
	const key = "ebbnode.debug="
	c := bootInfo.cmdline[:bootInfo.cmdlen]
	for i := 0; i+len(key) <= len(c); i++ {
		match := true
		for j := 0; j < len(key); j++ {
			if c[i+j] != key[j] {
				match = false
				break
			}
		}
		if !match {
			continue
		}
		start := i + len(key)
		for k := start; k <= len(c); k++ {
			if k == len(c) || c[k] == ',' || c[k] == ' ' {
				word := c[start:k]
				if string(word) == "syscalls" {
					debugSys = true
				}
				if string(word) == "novdso" {
					noVDSO = true
				}
				if string(word) == "mmap" {
					debugMM = true
				}
				if string(word) == "boot" {
					debugBoot = true
				}
				if string(word) == "counters" {
					debugCounters = true
				}
				if string(word) == "apfail" {
					debugAPFail = true
				}
				if k == len(c) || c[k] == ' ' {
					break
				}
				start = k + 1
			}
		}
	}
}

// setupDescriptors installs the boot CPU's TSS and the IDT, shared by
// every CPU.
//
//go:nosplit
func setupDescriptors() {
	setupTSS(0, istTop())
	for v := 0; v < numVectors; v++ {
		off := uint64(vectorAddr(v))
		ist := uint64(0)
		if v == 2 || v == 8 || v == 18 {
			ist = 1
		}
		idt[2*v] = off&0xffff | kernelCS<<16 | ist<<32 | 0x8E<<40 | (off>>16&0xffff)<<48
		idt[2*v+1] = off >> 32
	}
	idtr[0] = numVectors*16 - 1 | uint64(idtAddr())<<16
	idtr[1] = uint64(idtAddr()) >> 48
	lidt(idtrAddr())
	cpu0.kstackTop = kstackTop()
}

// setupTSS fills CPU i's TSS (with an IST stack at ist for NMI, double
// fault and machine check), its GDT descriptor, and loads it: CPU i
// calls it for itself.
//
//go:nosplit
func setupTSS(i int, ist uintptr) {
	t := &tss[i]
	t[9] = uint32(ist) // IST1 at byte 36
	t[10] = uint32(uint64(ist) >> 32)
	t[25] = 104 << 16 // I/O map base beyond the limit: no bitmap
	base := uint64(tssAddr(i))
	const limit = 103
	gdt[5+2*i] = limit&0xffff | (base&0xffffff)<<16 | 0x89<<40 | (base>>24&0xff)<<56
	gdt[6+2*i] = base >> 32
	ltr(uint16(tssSel + 16*i))
}

// setCPUBase points this CPU's GS base at cpus[i].
//
//go:nosplit
func setCPUBase(i int) {
	c := &cpus[i]
	c.self = cpuAddr(i)
	c.index = i
	c.curIdx = -1
	c.tss = tssAddr(i)
	c.scratchFS = scratchTLSAddr()
	wrmsr(msrGSBase, uint64(c.self))
}

// setupSyscall programs the SYSCALL MSRs. FMASK clears IF, DF, TF and AC
// on entry.
//
//go:nosplit
func setupSyscall() {
	wrmsr(msrEFER, rdmsr(msrEFER)|eferSCE)
	wrmsr(msrSTAR, uint64(kernelDS)<<48|uint64(kernelCS)<<32)
	wrmsr(msrLSTAR, uint64(syscallEntryAddr()))
	wrmsr(msrFMASK, 1<<9|1<<10|1<<8|1<<18)
}

// setupFrames gives the frame allocator the usable RAM below 4 GiB outside
// the image: above it, and below it from lowRAM (the boot information
// there has been copied out by now; modules stay reserved).
//
//go:nosplit
func setupFrames() {
	if load32(imageBase) != 0x464c457f {
		kpanic("no ELF header at the image base")
	}
	end := imageEnd()
	for i := 0; i < bootInfo.nmem; i++ {
		e := bootInfo.mem[i]
		if e.typ != 1 {
			continue
		}
		ramBytes += e.size
		for _, r := range [...][2]uint64{{lowRAM, imageBase}, {end, identTop}} {
			lo, hi := max(e.addr, r[0]), min(e.addr+e.size, r[1])
			if lo < hi {
				phys.AddFree(lo, hi)
			}
		}
	}
	for i := 0; i < bootInfo.nmods; i++ {
		m := &bootInfo.mods[i]
		if m.addr+m.size > identTop {
			kpanic("a PVH module lies above 4 GiB, outside the identity map")
		}
		phys.Reserve(m.addr, m.addr+m.size)
	}
	// Every loaded segment, wherever the image builder put it (a payload
	// may one day sit below the image, in the RAM added above).
	for i := 0; i < imagePhnum(); i++ {
		if lo, hi, ok := imageLoad(i); ok {
			phys.Reserve(lo, hi)
		}
	}
}

// imagePhnum returns the number of program headers of the image.
//
//go:nosplit
func imagePhnum() int { return int(load32(imageBase+56) & 0xffff) }

// imageLoad returns the physical range of program header i if it is a
// PT_LOAD.
//
//go:nosplit
func imageLoad(i int) (lo, hi uint64, ok bool) {
	ph := imageBase + uintptr(load64(imageBase+32)) + uintptr(i)*uintptr(load32(imageBase+54)&0xffff)
	if load32(ph) != 1 {
		return 0, 0, false
	}
	lo = load64(ph + 24)
	return lo, lo + load64(ph+40), true
}

// imageEnd returns the end of the highest loaded segment, from the ELF
// program headers at imageBase.
//
//go:nosplit
func imageEnd() uint64 {
	phoff := uintptr(load64(imageBase + 32))
	phentsize := uintptr(load32(imageBase+54) & 0xffff)
	phnum := int(load32(imageBase+56) & 0xffff)
	end := uint64(imageBase)
	for i := 0; i < phnum; i++ {
		ph := imageBase + phoff + uintptr(i)*phentsize
		if load32(ph) != 1 { // PT_LOAD
			continue
		}
		if e := load64(ph+24) + load64(ph+40); e > end { // p_paddr + p_memsz
			end = e
		}
	}
	return (end + pageSize - 1) &^ (pageSize - 1)
}

// pushString copies s and a NUL below p and returns its address.
//
//go:nosplit
func pushString(p uintptr, s string) uintptr {
	p -= uintptr(len(s)) + 1
	for i := 0; i < len(s); i++ {
		store8(p+uintptr(i), s[i])
	}
	store8(p+uintptr(len(s)), 0)
	return p
}

// pushBytes is pushString for a byte slice.
//
//go:nosplit
func pushBytes(p uintptr, b []byte) uintptr {
	p -= uintptr(len(b)) + 1
	for i := 0; i < len(b); i++ {
		store8(p+uintptr(i), b[i])
	}
	store8(p+uintptr(len(b)), 0)
	return p
}

// pushMemLimit pushes the GOMEMLIMIT environment string (memLimitEnv),
// keeping its buffer out of setupMainThread's frame.
//
//go:nosplit
func pushMemLimit(p uintptr) uintptr {
	var lim [40]byte
	return pushBytes(p, memLimitEnv(&lim))
}

// setupMainThread creates thread 1 at _rt0_amd64_linux with a Linux
// process stack: argc, argv, envp (GODEBUG, TZ, GOMEMLIMIT: see
// memLimitEnv), auxv (AT_PAGESZ, AT_RANDOM, AT_SYSINFO_EHDR).
//
//go:nosplit
func setupMainThread() {
	top := mainStackTop()
	p := top
	p = pushString(p, "ebbnode")
	argv0 := p
	// With ebbnode.debug=boot the runtime also reports each package's
	// init time and the collections (the boot's Go share).
	if debugBoot {
		p = pushString(p, "GODEBUG=asyncpreemptoff=1,madvdontneed=0,inittrace=1,gctrace=1")
	} else {
		p = pushString(p, "GODEBUG=asyncpreemptoff=1,madvdontneed=0")
	}
	env0 := p
	p = pushString(p, "TZ=")
	env1 := p
	p = pushMemLimit(p)
	env2 := p

	p = (p - 16) &^ 15
	rnd := p
	store64(rnd, random64())
	store64(rnd+8, random64())
	vdso := uint64(0)
	if !noVDSO {
		vdso = uint64(buildVDSO())
	}
	words := [...]uint64{
		1, uint64(argv0), 0, // argc, argv, NULL
		uint64(env0), uint64(env1), uint64(env2), 0, // envp, NULL
		6, pageSize, // AT_PAGESZ
		25, uint64(rnd), // AT_RANDOM
		33, vdso, // AT_SYSINFO_EHDR (0: the runtime ignores it)
		0, 0, // AT_NULL
	}
	p = (p - uintptr(len(words))*8) &^ 15
	for i, w := range words {
		store64(p+uintptr(i)*8, w)
	}

	i := newThread()
	t := &threads[i]
	t.tf.RIP = uint64(rt0Addr())
	t.tf.RSP = uint64(p)
	t.tf.CS = userCS
	t.tf.SS = userDS
	t.tf.RFLAGS = rflagsIF | rflagsIOPL3 | 2
	fxsave(fxArea(i))
	t.fxFull = 1
	t.state = tRunnable
	switchTo(i)
	armAtExit()
}
