package kernel

import "github.com/ebbnode/ebbnode/libc"

// Trap dispatch, fatal faults and machine exit. Trap world: //go:nosplit,
// no allocation; shared state under trapLock (lock_trap.go).

const (
	debugExitPort = 0xf4
	exitPanic     = 0x7f // isa-debug-exit code for a kernel panic or fatal fault (QEMU status 255)
)

// userTrap handles a trap from ring 3 saved in the current thread's
// trapFrame; on return resumeUser runs this CPU's current thread (maybe
// another one). IPIs need no lock; everything else runs under trapLock.
//
// userTrap and kernelTrap are the roots of the trap world and the only
// trap-world functions without //go:nosplit: their stack check compares
// against the scratch g's zero guard and so never calls morestack, and it
// ends the linker's nosplit chain (a budget meant for goroutine stacks,
// not for the 64 KiB kernel stack). Everything they call is nosplit.
func userTrap() {
	switch current().tf.Vector {
	case vecShootdown:
		serveShootdown()
		lapicEOIWrite()
		return
	case vecWake:
		// Sent to an idle CPU that has since found work, or to a busy
		// one that a pinned thread waits for: schedule gives it the
		// CPU now if it may run only here, else arms the quantum.
		lapicEOIWrite()
		lockTrap()
		schedule(false)
		armAtExit()
		unlockTrap()
		return
	}
	lockTrap()
	prof.traps++
	if debugSys {
		profiledUserTrap()
	} else {
		userTrapDispatch()
	}
	armAtExit()
	unlockTrap()
}

// userTrapDispatch is userTrap's body: dispatch on the trap's vector. Like
// userTrap it is not nosplit, for the same reason.
func userTrapDispatch() {
	t := current()
	switch v := t.tf.Vector; {
	case v == vecSyscall:
		sysDispatch(t)
	case v == vecTimer:
		timerInterrupt()
	case v == vecSpurious:
	case v == 14:
		prof.faults++
		cr2 := readCR2()
		if demandFault(cr2, t.tf.Err&2 != 0) {
			return
		}
		code := uint64(1) // SEGV_MAPERR
		if t.tf.Err&1 != 0 {
			code = 2 // SEGV_ACCERR: present page, access denied
		}
		if !deliverSignal(t, libc.SIGSEGV, cr2, code) {
			fatalTrap(&t.tf, cr2, "unhandled page fault in the Go world")
		}
	case v < 32:
		exceptionSignal(t)
	case v >= firstDeviceVector && v <= lastDeviceVector:
		prof.devices++
		deviceInterrupt(v)
	default:
		lapicEOIWrite()
	}
}

// exceptionSignal turns a CPU exception in the Go world into the signal
// Linux sends for it, which the Go runtime turns into a panic (SIGFPE,
// and SIGSEGV under debug.SetPanicOnFault) or its own fatal report
// (SIGILL): #DE is SIGFPE (FPE_INTDIV, at the instruction), #UD SIGILL
// (ILL_ILLOPN), #GP SIGSEGV (SI_KERNEL, no address: a non-canonical
// address or a privileged instruction). Other exceptions, or a signal
// the process cannot take, end the machine.
//
//go:nosplit
func exceptionSignal(t *thread) {
	var sig uint32
	addr, code := t.tf.RIP, uint64(0)
	switch t.tf.Vector {
	case 0:
		sig, code = libc.SIGFPE, libc.FpeIntdiv
	case 6:
		sig, code = libc.SIGILL, libc.IllIllopn
	case 13:
		sig, addr, code = libc.SIGSEGV, 0, libc.SiKernel
	}
	if sig == 0 || !deliverSignal(t, sig, addr, code) {
		fatalTrap(&t.tf, readCR2(), "unhandled exception in the Go world")
	}
}

// kernelTrap handles a trap taken in ring 0: the timer while idle, or a
// kernel bug (fatal). See userTrap about its stack check.
func kernelTrap(tf *trapFrame) {
	switch v := tf.Vector; {
	case v == vecTimer:
		c := thisCPU()
		c.ticks++
		c.timerAt = 0   // fired: nothing is armed now
		lapicEOIWrite() // the idle loop re-checks the deadlines
	case v == vecShootdown:
		serveShootdown()
		lapicEOIWrite()
	case v == vecWake:
		lapicEOIWrite() // the idle loop looks for work
	case v == vecSpurious:
	case v == 14 && inLazyBSS(readCR2()) && lazyBSSFault(readCR2()):
		// the kernel touched the lazily backed BSS (userram_trap.go)
	case v < 32:
		fatalTrap(tf, readCR2(), "kernel fault")
	case v >= firstDeviceVector && v <= lastDeviceVector:
		lockTrap() // the CPU was idle: it holds no lock
		prof.devices++
		deviceInterrupt(v) // the idle loop picks up the woken thread
		unlockTrap()
	default:
		lapicEOIWrite()
	}
}

// fatalTrap prints the trap and a frame-pointer backtrace, then ends the
// machine with exitPanic.
//
//go:nosplit
func fatalTrap(tf *trapFrame, cr2 uint64, why string) {
	kprint("\nebbnode: ")
	kprint(why)
	kprint(": vector ")
	kprintDec(tf.Vector)
	kprint(" error ")
	kprintHex(tf.Err)
	kprint(" rip ")
	kprintHex(tf.RIP)
	kprint(" cr2 ")
	kprintHex(cr2)
	kprint(" tid ")
	if c := thisCPU(); c.curIdx >= 0 { // an AP may fault before its first thread
		kprintDec(uint64(threads[c.curIdx].tid))
	}
	kprint(" cpu ")
	kprintDec(uint64(thisCPU().index))
	kprint("\n rax ")
	kprintHex(tf.RAX)
	kprint(" rbx ")
	kprintHex(tf.RBX)
	kprint(" rcx ")
	kprintHex(tf.RCX)
	kprint(" rdx ")
	kprintHex(tf.RDX)
	kprint("\n rsi ")
	kprintHex(tf.RSI)
	kprint(" rdi ")
	kprintHex(tf.RDI)
	kprint(" rbp ")
	kprintHex(tf.RBP)
	kprint(" rsp ")
	kprintHex(tf.RSP)
	kprint("\n r8 ")
	kprintHex(tf.R8)
	kprint(" r9 ")
	kprintHex(tf.R9)
	kprint(" r10 ")
	kprintHex(tf.R10)
	kprint(" r11 ")
	kprintHex(tf.R11)
	kprint("\n r12 ")
	kprintHex(tf.R12)
	kprint(" r13 ")
	kprintHex(tf.R13)
	kprint(" r14 ")
	kprintHex(tf.R14)
	kprint(" r15 ")
	kprintHex(tf.R15)
	kprint("\n rflags ")
	kprintHex(tf.RFLAGS)
	kprint(" cs ")
	kprintHex(tf.CS)
	kprint("\n backtrace:\n  ")
	kprintHex(tf.RIP)
	kprint("\n")
	fp := tf.RBP
	for i := 0; i < 32 && fp != 0 && fp&7 == 0; i++ {
		if !readable(fp, 16) {
			break
		}
		ret := load64(uintptr(fp + 8))
		if ret == 0 {
			break
		}
		kprint("  ")
		kprintHex(ret)
		kprint("\n")
		fp = load64(uintptr(fp))
	}
	machineExit(exitPanic)
}

// readable reports whether [addr, addr+n) is mapped, without faulting
// anything in.
//
//go:nosplit
func readable(addr, n uint64) bool {
	for p := addr &^ (pageSize - 1); p < addr+n; p += pageSize {
		if present, _ := lookup(p); !present {
			return false
		}
	}
	return true
}

// kpanic reports a broken kernel invariant and ends the machine.
//
//go:nosplit
func kpanic(msg string) {
	kprint("\nebbnode: kernel panic: ")
	kprint(msg)
	kprint("\n")
	machineExit(exitPanic)
}

// machineExit ends the VM through isa-debug-exit: QEMU exits with status
// (code<<1)|1. Without that device it halts forever with interrupts off.
//
//go:nosplit
func machineExit(code uint8) {
	outb(debugExitPort, code)
	for {
		haltForever()
	}
}
