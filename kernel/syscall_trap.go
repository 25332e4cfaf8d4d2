package kernel

import "github.com/ebbnode/ebbnode/libc"

// The system-call dispatcher: the Linux ABI described in package libc.
// Trap world: //go:nosplit, no allocation, no locks.

var (
	counts    libc.Counts
	sigTable  [libc.NSig + 1]libc.Sigaction
	debugSys  bool // ebbnode.debug=syscalls: print the counts at exit
	debugBoot bool // ebbnode.debug=boot: print boot timing
	debugMM   bool // ebbnode.debug=mmap: print every mmap
)

// sysDispatch handles a SYSCALL from the current thread t. The result goes in
// t.tf.RAX unless the thread blocks (then wake sets it).
//
//go:nosplit
func sysDispatch(t *thread) {
	tf := &t.tf
	nr := tf.RAX
	a0, a1, a2, a3, a4, a5 := tf.RDI, tf.RSI, tf.RDX, tf.R10, tf.R8, tf.R9
	_ = a5
	ret := uint64(0)
	unknown := false
	switch nr {
	case libc.SysRead:
		switch {
		case a0 == 0:
			ret = 0
		case a0 == eventFD && poll.eventOpen:
			ret = eventfdRead(a1, a2)
		default:
			ret = errno(libc.EBADF)
		}
	case libc.SysEpollCreate1:
		ret = sysEpollCreate()
	case libc.SysEventfd2:
		ret = sysEventfd(a0)
	case libc.SysEpollCtl:
		ret = sysEpollCtl(a0, a1, a2, a3)
	case libc.SysEpollPwait:
		counts.Add(nr, false)
		sysEpollWait(t, a0, a1, a2, a3)
		return
	case libc.SysWrite:
		ret = sysWrite(a0, a1, a2)
	case libc.SysClose:
		switch {
		case a0 == epollFD && poll.epollOpen:
			poll.epollOpen = false
		case a0 == eventFD && poll.eventOpen:
			poll.eventOpen, poll.watched = false, false
		default:
			ret = fdCheck(a0, 0)
		}
	case libc.SysMmap:
		ret = sysMmap(a0, a1, a2, a3, a4, a5)
		if debugMM {
			kprint("mmap(")
			kprintHex(a0)
			kprint(", ")
			kprintHex(a1)
			kprint(", ")
			kprintHex(a2)
			kprint(", ")
			kprintHex(a3)
			kprint(") = ")
			kprintHex(ret)
			kprint("\n")
		}
	case libc.SysMprotect:
		ret = sysMprotect(a0, a1, a2)
	case libc.SysMunmap:
		ret = sysMunmap(a0, a1)
	case libc.SysMadvise:
		ret = sysMadvise(a0, a1, a2)
	case libc.SysRtSigaction:
		ret = sysSigaction(a0, a1, a2)
	case libc.SysRtSigprocmask:
		ret = sysSigprocmask(t, a0, a1, a2)
	case libc.SysRtSigreturn:
		counts.Add(nr, false)
		sysSigreturn(t)
		return
	case libc.SysSigaltstack:
		ret = sysSigaltstack(t, a0, a1)
	case libc.SysSchedYield:
		counts.Add(nr, false)
		tf.RAX = 0
		schedule(true)
		return
	case libc.SysNanosleep:
		counts.Add(nr, false)
		if !userAccessible(a0, 16, false) {
			tf.RAX = errno(libc.EFAULT)
			return
		}
		block(0, nanotime()+timespecNs(a0)+1)
		schedule(false)
		return
	case libc.SysGetpid:
		ret = 1
	case libc.SysGettid:
		ret = uint64(t.tid)
	case libc.SysGetuid, libc.SysGetgid, libc.SysGeteuid, libc.SysGetegid, libc.SysGetppid:
		ret = 0
	case libc.SysGetcwd:
		ret = sysGetcwd(a0, a1)
	case libc.SysUname:
		ret = sysUname(a0)
	case libc.SysClone:
		ret = sysClone(t, a0, a1, a4)
	case libc.SysExit:
		counts.Add(nr, false)
		t.state = tFree
		nthreads--
		if nthreads == 0 {
			machineExitStatus(a0)
		}
		schedule(true)
		return
	case libc.SysExitGroup:
		counts.Add(nr, false)
		machineExitStatus(a0)
	case libc.SysArchPrctl:
		switch a0 {
		case libc.ArchSetFS:
			t.fsBase = a1
		case libc.ArchGetFS:
			if !userAccessible(a1, 8, true) {
				ret = errno(libc.EFAULT)
			} else {
				store64(uintptr(a1), t.fsBase)
			}
		default:
			ret = errno(libc.EINVAL)
		}
	case libc.SysFutex:
		counts.Add(nr, false)
		sysFutex(t, a0, a1, a2, a3)
		return
	case libc.SysSchedGetaffinity:
		if a1 < 8 || !userAccessible(a2, 8, true) {
			ret = errno(libc.EINVAL)
		} else {
			store64(uintptr(a2), 1)
			ret = 8
		}
	case libc.SysClockGettime:
		ret = sysClockGettime(a0, a1)
	case libc.SysOpenat:
		ret = errno(libc.ENOENT)
	case libc.SysFcntl:
		ret = fdCheck(a0, 0)
	case libc.SysPrlimit64:
		ret = sysPrlimit(a1, a3)
	case libc.SysPrctl:
		ret = errno(libc.EINVAL)
	case libc.SysGetrandom:
		ret = sysGetrandom(a0, a1)
	case libc.SysEbbIRQWait:
		counts.Add(nr, false)
		sysIRQWait(t, a0, a1, a2)
		return
	case libc.SysEbbDMAAlloc:
		ret = sysDMAAlloc(a0)
	default:
		unknown = true
		ret = errno(libc.ENOSYS)
	}
	counts.Add(nr, unknown)
	tf.RAX = ret
}

// fdCheck answers ok for the standard descriptors and EBADF otherwise.
//
//go:nosplit
func fdCheck(fd, ok uint64) uint64 {
	if fd <= 2 {
		return ok
	}
	return errno(libc.EBADF)
}

//go:nosplit
func sysWrite(fd, buf, n uint64) uint64 {
	if fd == eventFD && poll.eventOpen {
		return eventfdWrite(buf, n)
	}
	if fd != 1 && fd != 2 {
		return errno(libc.EBADF)
	}
	if !userAccessible(buf, n, false) {
		return errno(libc.EFAULT)
	}
	kprintMem(uintptr(buf), uintptr(n))
	return n
}

// timespecNs reads a struct timespec at addr as nanoseconds.
//
//go:nosplit
func timespecNs(addr uint64) uint64 {
	sec := load64(uintptr(addr))
	nsec := load64(uintptr(addr + 8))
	if int64(sec) < 0 || int64(nsec) < 0 {
		return 0
	}
	if sec > 1<<32 {
		sec = 1 << 32
	}
	return sec*1000000000 + nsec
}

//go:nosplit
func sysClockGettime(clk, ts uint64) uint64 {
	if !userAccessible(ts, 16, true) {
		return errno(libc.EFAULT)
	}
	ns := nanotime()
	sec := ns / 1000000000
	if clk == 0 || clk == 5 || clk == 8 { // REALTIME, REALTIME_COARSE, REALTIME_ALARM
		sec += clock.wall0
	}
	store64(uintptr(ts), sec)
	store64(uintptr(ts+8), ns%1000000000)
	return 0
}

//go:nosplit
func sysFutex(t *thread, addr, op, val, timeout uint64) {
	if !userAccessible(addr, 4, false) {
		t.tf.RAX = errno(libc.EFAULT)
		return
	}
	switch op &^ (libc.FutexPrivateFlag | libc.FutexClockRT) {
	case libc.FutexWait:
		if uint64(load32(uintptr(addr))) != val&0xffffffff {
			t.tf.RAX = errno(libc.EAGAIN)
			return
		}
		deadline := uint64(0)
		if timeout != 0 {
			if !userAccessible(timeout, 16, false) {
				t.tf.RAX = errno(libc.EFAULT)
				return
			}
			deadline = nanotime() + timespecNs(timeout) + 1
		}
		block(addr, deadline)
		schedule(false)
	case libc.FutexWake:
		t.tf.RAX = futexWake(addr, val)
	default:
		t.tf.RAX = errno(libc.ENOSYS)
	}
}

//go:nosplit
func sysClone(t *thread, flags, stack, tls uint64) uint64 {
	if flags&(libc.CloneVM|libc.CloneThread) != libc.CloneVM|libc.CloneThread {
		return errno(libc.ENOSYS)
	}
	i := newThread()
	if i < 0 {
		return errno(libc.EAGAIN)
	}
	c := &threads[i]
	c.tf = t.tf
	c.tf.RAX = 0
	c.tf.RSP = stack
	c.fsBase = t.fsBase
	if flags&libc.CloneSettls != 0 {
		c.fsBase = tls
	}
	c.sigMask = t.sigMask
	memcopy(fxArea(i), fxArea(cpu0.curIdx), 512)
	c.state = tRunnable
	armQuantum()
	return uint64(c.tid)
}

// machineExitStatus ends the machine with the process's exit status.
//
//go:nosplit
func machineExitStatus(status uint64) {
	if debugSys {
		printCounts()
		printProfile()
	}
	if debugMM {
		kprint("ebbnode: demand-paged mappings: 2M=")
		kprintDec(mmStats.huge)
		kprint(" 4K=")
		kprintDec(mmStats.small)
		kprint(" splits=")
		kprintDec(mmStats.splits)
		kprint(" free=")
		kprintDec(phys.NumFree() * pageSize >> 10)
		kprint("K\n")
	}
	machineExit(uint8(status))
}

//go:nosplit
func printCounts() {
	kprint("ebbnode: syscalls:")
	for nr := uint64(0); nr < libc.MaxSyscall; nr++ {
		n, e := counts.Get(nr)
		if n == 0 {
			continue
		}
		kprint(" ")
		if name := libc.Name(nr); name != "" {
			kprint(name)
		} else {
			kprint("sys")
			kprintDec(nr)
		}
		kprint("=")
		kprintDec(uint64(n))
		if e != 0 {
			kprint("(ENOSYS)")
		}
	}
	kprint("\n")
}
