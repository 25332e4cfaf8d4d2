package kernel

import "github.com/ebbnode/ebbnode/libc"

// Synchronous signal delivery (SIGSEGV, SIGILL, SIGFPE for faults in the
// Go world, as Linux sends them) with a Linux rt_sigframe, and
// rt_sigreturn. Layouts follow the Linux x86_64
// ABI as the Go runtime reads it (runtime/defs_linux_amd64.go). Trap
// world: //go:nosplit, no allocation.

// sigTable holds the actions rt_sigaction stored, by signal number.
var sigTable [libc.NSig + 1]libc.Sigaction

// rt_sigframe layout: pretcode, then struct ucontext, then siginfo.
const (
	ucOffset       = 8
	ucFlags        = 0
	ucLink         = 8
	ucStack        = 16  // stack_t: sp, flags, size
	ucMcontext     = 40  // struct sigcontext
	ucSigmask      = 296 // after the 256-byte sigcontext
	ucSize         = 304
	siOffset       = ucOffset + ucSize
	siSize         = 128
	frameSize      = siOffset + siSize
	fpstateSize    = 512
	redZone        = 128
	rflagsUserMask = 0xCD5 | 1<<10 | 1<<8 // CF PF AF ZF SF OF DF TF
)

// sigcontext register slots, in the order of struct sigcontext.
const (
	scR8 = iota * 8
	scR9
	scR10
	scR11
	scR12
	scR13
	scR14
	scR15
	scRDI
	scRSI
	scRBP
	scRBX
	scRDX
	scRAX
	scRCX
	scRSP
	scRIP
	scEFLAGS
	scSegs
	scErr
	scTrapno
	scOldmask
	scCR2
	scFpstate
)

// deliverSignal sets t up to run its handler for the synchronous signal
// sig (si_code code, si_addr addr). It reports false when the signal
// would kill the process (no handler, blocked, or no usable stack for the
// frame).
//
//go:nosplit
func deliverSignal(t *thread, sig uint32, addr, code uint64) bool {
	act := &sigTable[sig]
	if act.Handler <= 1 || t.sigMask&(1<<(sig-1)) != 0 || act.Flags&libc.SaRestorer == 0 {
		return false
	}
	tf := &t.tf
	sp := tf.RSP - redZone
	onAlt := t.altFlags&libc.SsDisable == 0 && t.altSize != 0 &&
		tf.RSP >= t.altSP && tf.RSP < t.altSP+t.altSize
	if act.Flags&libc.SaOnstack != 0 && t.altFlags&libc.SsDisable == 0 && t.altSize != 0 && !onAlt {
		sp = t.altSP + t.altSize
	}
	fp := (sp - fpstateSize) &^ 63
	frame := ((fp - frameSize) &^ 15) - 8 // handler entry: (RSP+8) % 16 == 0
	if !userAccessible(frame, sp-frame, true) {
		return false
	}
	memcopy(uintptr(fp), fxArea(thisCPU().curIdx), fpstateSize)
	memclr(uintptr(frame), uintptr(frameSize))

	store64(uintptr(frame), act.Restorer)
	uc := frame + ucOffset
	store64(uintptr(uc+ucStack), t.altSP)
	store64(uintptr(uc+ucStack+8), t.altFlags)
	store64(uintptr(uc+ucStack+16), t.altSize)
	mc := uintptr(uc + ucMcontext)
	regs := [...]uint64{tf.R8, tf.R9, tf.R10, tf.R11, tf.R12, tf.R13, tf.R14, tf.R15,
		tf.RDI, tf.RSI, tf.RBP, tf.RBX, tf.RDX, tf.RAX, tf.RCX, tf.RSP, tf.RIP, tf.RFLAGS}
	for i, v := range regs {
		store64(mc+uintptr(i*8), v)
	}
	store64(mc+scSegs, 0x33) // cs = __USER_CS as Linux reports it
	store64(mc+scErr, tf.Err)
	store64(mc+scTrapno, tf.Vector)
	store64(mc+scOldmask, t.sigMask)
	store64(mc+scCR2, addr)
	store64(mc+scFpstate, fp)
	store64(uintptr(uc+ucSigmask), t.sigMask)

	si := uintptr(frame + siOffset)
	store32(si, sig)
	store32(si+8, uint32(code))
	store64(si+16, addr)

	tf.RIP = act.Handler
	tf.RSP = frame
	tf.RDI = uint64(sig)
	tf.RSI = uint64(si)
	tf.RDX = uc
	tf.RAX = 0
	tf.RFLAGS &^= 1<<10 | 1<<8 // DF, TF
	t.sigMask |= act.Mask | 1<<(sig-1)
	return true
}

// sysSigreturn restores the context saved by deliverSignal. The restorer
// runs after the handler's RET popped pretcode, so RSP points at the
// ucontext.
//
//go:nosplit
func sysSigreturn(t *thread, _ sysArgs) uint64 {
	tf := &t.tf
	uc := tf.RSP
	if !userAccessible(uc, ucSize, false) {
		fatalTrap(tf, 0, "rt_sigreturn with a bad frame")
	}
	mc := uintptr(uc + ucMcontext)
	tf.R8 = load64(mc + scR8)
	tf.R9 = load64(mc + scR9)
	tf.R10 = load64(mc + scR10)
	tf.R11 = load64(mc + scR11)
	tf.R12 = load64(mc + scR12)
	tf.R13 = load64(mc + scR13)
	tf.R14 = load64(mc + scR14)
	tf.R15 = load64(mc + scR15)
	tf.RDI = load64(mc + scRDI)
	tf.RSI = load64(mc + scRSI)
	tf.RBP = load64(mc + scRBP)
	tf.RBX = load64(mc + scRBX)
	tf.RDX = load64(mc + scRDX)
	tf.RAX = load64(mc + scRAX)
	tf.RCX = load64(mc + scRCX)
	tf.RSP = load64(mc + scRSP)
	tf.RIP = load64(mc + scRIP)
	tf.RFLAGS = load64(mc+scEFLAGS)&rflagsUserMask | rflagsIF | rflagsIOPL3 | 2
	tf.CS = userCS
	tf.SS = userDS
	if fp := load64(mc + scFpstate); fp != 0 && userAccessible(fp, fpstateSize, false) {
		memcopy(fxArea(thisCPU().curIdx), uintptr(fp), fpstateSize)
		// A corrupt MXCSR would fault FXRSTOR in the kernel: keep only
		// the architecturally defined bits.
		mx := fxArea(thisCPU().curIdx) + 24
		store32(mx, load32(mx)&0xffff)
		t.fxFull = 1 // the interrupted context's registers, restored whole
	}
	t.sigMask = load64(uintptr(uc + ucSigmask))
	return resultSet
}

// sysSigaction stores and returns the actions of signals 1-64; only
// those of the synchronous signals are ever used (deliverSignal).
//
//go:nosplit
func sysSigaction(_ *thread, a sysArgs) uint64 {
	sig, act, oact := a[0], a[1], a[2]
	if sig == 0 || sig > libc.NSig {
		return errno(libc.EINVAL)
	}
	if oact != 0 {
		if !userAccessible(oact, 32, true) {
			return errno(libc.EFAULT)
		}
		s := &sigTable[sig]
		store64(uintptr(oact), s.Handler)
		store64(uintptr(oact+8), s.Flags)
		store64(uintptr(oact+16), s.Restorer)
		store64(uintptr(oact+24), s.Mask)
	}
	if act != 0 {
		if !userAccessible(act, 32, false) {
			return errno(libc.EFAULT)
		}
		s := &sigTable[sig]
		s.Handler = load64(uintptr(act))
		s.Flags = load64(uintptr(act + 8))
		s.Restorer = load64(uintptr(act + 16))
		s.Mask = load64(uintptr(act + 24))
	}
	return 0
}

// sysSigprocmask keeps the thread's mask; deliverSignal honours it.
//
//go:nosplit
func sysSigprocmask(t *thread, a sysArgs) uint64 {
	how, set, oset := a[0], a[1], a[2]
	if oset != 0 {
		if !userAccessible(oset, 8, true) {
			return errno(libc.EFAULT)
		}
		store64(uintptr(oset), t.sigMask)
	}
	if set != 0 {
		if !userAccessible(set, 8, false) {
			return errno(libc.EFAULT)
		}
		m := load64(uintptr(set))
		switch how {
		case libc.SigBlock:
			t.sigMask |= m
		case libc.SigUnblock:
			t.sigMask &^= m
		case libc.SigSetmask:
			t.sigMask = m
		default:
			return errno(libc.EINVAL)
		}
	}
	return 0
}

// sysSigaltstack keeps the thread's alternate stack, where deliverSignal
// builds the frame (the runtime's handler needs it: goroutine stacks are
// small).
//
//go:nosplit
func sysSigaltstack(t *thread, a sysArgs) uint64 {
	ss, old := a[0], a[1]
	if old != 0 {
		if !userAccessible(old, 24, true) {
			return errno(libc.EFAULT)
		}
		store64(uintptr(old), t.altSP)
		store64(uintptr(old+8), t.altFlags)
		store64(uintptr(old+16), t.altSize)
	}
	if ss != 0 {
		if !userAccessible(ss, 24, false) {
			return errno(libc.EFAULT)
		}
		t.altSP = load64(uintptr(ss))
		t.altFlags = uint64(load32(uintptr(ss + 8)))
		t.altSize = load64(uintptr(ss + 16))
	}
	return 0
}
